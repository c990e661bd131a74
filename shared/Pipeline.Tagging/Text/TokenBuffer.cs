namespace Pipeline.Tagging.Text;

/// <summary>A growable token list that is reused between calls to avoid per-document allocation.</summary>
internal struct TokenBuffer
{
    private Token[] _items;

    public TokenBuffer(int capacity) => _items = new Token[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public readonly Span<Token> Span => _items.AsSpan(0, Count);

    public readonly Token this[int index] => _items[index];

    public void Clear() => Count = 0;

    public void Add(Token token)
    {
        _items ??= new Token[256];
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = token;
    }
}
