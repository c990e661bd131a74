using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Lexicons;

/// <summary>
/// Chemical and disease names keyed by the hash of their normalised token sequence, so matching a text needs
/// no substring allocation: a term is found by extending a running hash token by token.
/// </summary>
internal sealed class Lexicon
{
    public const int MaxTermTokens = 10;
    private const ulong SequenceSeed = 0x2545F4914F6CDD1DUL;

    [ThreadStatic]
    private static Token[]? _termTokens;

    private readonly Dictionary<ulong, LexiconNode> _nodes = [];
    private readonly List<LexiconEntry> _entries = [];
    private readonly List<(string Term, int Entry)> _terms = [];

    public int EntryCount => _entries.Count;

    public int TermCount => _terms.Count;

    public IReadOnlyList<LexiconEntry> Entries => _entries;

    public IReadOnlyList<(string Term, int Entry)> Terms => _terms;

    public int AddEntry(LexiconEntry entry)
    {
        _entries.Add(entry);
        return _entries.Count - 1;
    }

    public LexiconEntry this[int entry] => _entries[entry];

    /// <summary>Adds a surface form for an entry; the first entry of a type claims a term.</summary>
    public bool AddTerm(string term, int entry)
    {
        // Terms are short: tokenize into a reused array rather than a buffer per term (loading adds ~100,000).
        var tokens = _termTokens ??= new Token[MaxTermTokens + 1];
        var count = TokenizeTerm(term, tokens);
        if (count is 0 or > MaxTermTokens)
        {
            return false;
        }

        var type = _entries[entry].Type;
        var h = SequenceSeed;
        for (var i = 0; i < count; i++)
        {
            var t = tokens[i];
            h = TextHash.Mix(h, TextHash.Normalized(term.AsSpan(t.Start, t.Length)));
            ref var node = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_nodes, h, out var existed);
            if (!existed)
            {
                node.Chemical = -1;
                node.Disease = -1;
            }

            if (i + 1 < count)
            {
                node.HasContinuation = true;
                continue;
            }

            if (type == LexiconType.Chemical && node.Chemical < 0)
            {
                node.Chemical = entry;
            }
            else if (type == LexiconType.Disease && node.Disease < 0)
            {
                node.Disease = entry;
            }
            else
            {
                return false;
            }
        }

        _terms.Add((term, entry));
        return true;
    }

    /// <summary>
    /// Marks, per type, the tokens covered by the longest match starting at each position (left to right,
    /// non-overlapping).
    /// </summary>
    public void Match(ReadOnlySpan<ulong> tokenHashes, Span<LexiconMatch> chemical, Span<LexiconMatch> disease)
    {
        chemical.Clear();
        disease.Clear();
        var chemicalUntil = 0;
        var diseaseUntil = 0;
        for (var i = 0; i < tokenHashes.Length; i++)
        {
            var (chemEnd, _, disEnd, _) = Longest(tokenHashes, i);
            if (i >= chemicalUntil && chemEnd > i)
            {
                Mark(chemical, i, chemEnd);
                chemicalUntil = chemEnd;
            }

            if (i >= diseaseUntil && disEnd > i)
            {
                Mark(disease, i, disEnd);
                diseaseUntil = disEnd;
            }
        }
    }

    /// <summary>The longest chemical and disease terms starting at <paramref name="start"/>: exclusive ends and entries.</summary>
    public (int ChemicalEnd, int ChemicalEntry, int DiseaseEnd, int DiseaseEntry) Longest(ReadOnlySpan<ulong> tokenHashes, int start)
    {
        int chemEnd = start, chemEntry = -1, disEnd = start, disEntry = -1;
        var h = SequenceSeed;
        var limit = Math.Min(tokenHashes.Length, start + MaxTermTokens);
        for (var j = start; j < limit; j++)
        {
            h = TextHash.Mix(h, tokenHashes[j]);
            if (!_nodes.TryGetValue(h, out var node))
            {
                break;
            }

            if (node.Chemical >= 0)
            {
                chemEnd = j + 1;
                chemEntry = node.Chemical;
            }

            if (node.Disease >= 0)
            {
                disEnd = j + 1;
                disEntry = node.Disease;
            }

            if (!node.HasContinuation)
            {
                break;
            }
        }

        return (chemEnd, chemEntry, disEnd, disEntry);
    }

    /// <summary>The entry of a type whose term is exactly the given token sequence, or -1.</summary>
    public int Exact(ReadOnlySpan<ulong> tokenHashes, LexiconType type)
    {
        if (tokenHashes.Length is 0 or > MaxTermTokens)
        {
            return -1;
        }

        var h = SequenceSeed;
        foreach (var t in tokenHashes)
        {
            h = TextHash.Mix(h, t);
        }

        if (!_nodes.TryGetValue(h, out var node))
        {
            return -1;
        }

        return type == LexiconType.Chemical ? node.Chemical : node.Disease;
    }

    /// <summary>Tokenizes like <see cref="Tokenizer"/>, stopping once the term is too long to be stored.</summary>
    private static int TokenizeTerm(string term, Token[] tokens)
    {
        var count = 0;
        var i = 0;
        while (i < term.Length)
        {
            if (Tokenizer.IsSkipped(term[i]))
            {
                i++;
                continue;
            }

            if (count == tokens.Length)
            {
                return count + 1;
            }

            var start = i;
            if (Tokenizer.IsWordChar(term[i]))
            {
                while (i < term.Length && Tokenizer.IsWordChar(term[i]))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsHighSurrogate(term[i]) && i + 1 < term.Length && char.IsLowSurrogate(term[i + 1]) ? 2 : 1;
            }

            tokens[count++] = new Token(start, i, TokenKind.Word, false);
        }

        return count;
    }

    private static void Mark(Span<LexiconMatch> marks, int start, int end)
    {
        if (end - start == 1)
        {
            marks[start] = LexiconMatch.Unit;
            return;
        }

        marks[start] = LexiconMatch.Begin;
        for (var k = start + 1; k < end - 1; k++)
        {
            marks[k] = LexiconMatch.Inside;
        }

        marks[end - 1] = LexiconMatch.Last;
    }
}
