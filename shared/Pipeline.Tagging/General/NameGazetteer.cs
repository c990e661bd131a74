using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.General;

/// <summary>
/// Multi-word name lists as hashes of normalised token sequences, one bit per list (column): the four types
/// as annotated in training data, and places from ISO 3166 (countries, subdivisions). Marks each token's
/// position (BILOU) in the longest match of each column; the model learns how far to trust each list.
/// </summary>
internal sealed class NameGazetteer
{
    /// <summary>Columns: <see cref="NameType"/> values 0-3 (seen in training data), then <see cref="Places"/>.</summary>
    public const int Columns = 5;

    /// <summary>The column of the open place lists.</summary>
    public const int Places = 4;

    public const int MaxTokens = 8;

    private const byte Prefix = 0x80;
    private const ulong SequenceSeed = 0x3C6EF372FE94F82BUL;

    private readonly Dictionary<ulong, byte> _entries = [];

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<ulong, byte>> Entries => _entries;

    /// <summary>Adds a name (tokenised like running text) to a column; names of more than <see cref="MaxTokens"/> tokens are skipped.</summary>
    public void Add(string name, int column)
    {
        var buffer = new TokenBuffer(16);
        Tokenizer.Tokenize(name, ref buffer);
        if (buffer.Count is 0 or > MaxTokens)
        {
            return;
        }

        var h = SequenceSeed;
        for (var k = 0; k < buffer.Count; k++)
        {
            var t = buffer[k];
            h = TextHash.Mix(h, TextHash.Normalized(name.AsSpan(t.Start, t.Length)));
            ref var bits = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, h, out _);
            bits |= k + 1 < buffer.Count ? Prefix : (byte)(1 << column);
        }
    }

    /// <summary>Adds a stored entry (hash and bits) when reading a model file.</summary>
    public void AddRaw(ulong hash, byte bits) => _entries[hash] = bits;

    /// <summary>
    /// Per token, 3 bits per column: 0 none, else 1 + the BILOU position in the longest match starting at or
    /// covering it (leftmost-longest, matches of one column never overlap).
    /// </summary>
    public void Match(ReadOnlySpan<ulong> words, Span<ushort> marks)
    {
        marks.Clear();
        Span<int> coveredUntil = stackalloc int[Columns];
        Span<int> longest = stackalloc int[Columns];
        for (var i = 0; i < words.Length; i++)
        {
            longest.Clear();
            var h = SequenceSeed;
            for (var len = 1; len <= MaxTokens && i + len <= words.Length; len++)
            {
                h = TextHash.Mix(h, words[i + len - 1]);
                if (!_entries.TryGetValue(h, out var bits))
                {
                    break;
                }

                for (var c = 0; c < Columns; c++)
                {
                    if ((bits & (1 << c)) != 0)
                    {
                        longest[c] = len;
                    }
                }

                if ((bits & Prefix) == 0)
                {
                    break;
                }
            }

            for (var c = 0; c < Columns; c++)
            {
                var len = longest[c];
                if (len == 0 || i < coveredUntil[c])
                {
                    continue;
                }

                coveredUntil[c] = i + len;
                for (var k = 0; k < len; k++)
                {
                    var position = len == 1 ? 4 : k == 0 ? 1 : k == len - 1 ? 3 : 2;
                    marks[i + k] |= (ushort)(position << (3 * c));
                }
            }
        }
    }
}
