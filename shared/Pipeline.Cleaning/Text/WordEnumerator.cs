namespace Pipeline.Cleaning.Text;

/// <summary>Enumerates runs of letters and digits in a span without allocating or running a regex.</summary>
internal ref struct WordEnumerator(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> text = text;
    private int next;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly WordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var i = next;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            next = i;
            return false;
        }

        var start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        Current = text[start..i];
        next = i;
        return true;
    }
}
