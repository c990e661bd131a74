using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Model;

/// <summary>
/// Per-call working state: tokens, per-token hashes, lexicon marks and sentences. One instance is reused per
/// thread, so steady-state tagging allocates almost nothing but the result.
/// </summary>
internal sealed class AnalyzedText
{
    private TokenBuffer _tokens = new(1024);

    public string Text { get; private set; } = string.Empty;

    public int Count => _tokens.Count;

    public ReadOnlySpan<Token> Tokens => _tokens.Span;

    public ulong[] Words { get; private set; } = new ulong[1024];

    public ulong[] Shapes { get; private set; } = new ulong[1024];

    public ulong[] ShortShapes { get; private set; } = new ulong[1024];

    public ulong[] Suffix3 { get; private set; } = new ulong[1024];

    public LexiconMatch[] ChemicalMatches { get; private set; } = new LexiconMatch[1024];

    public LexiconMatch[] DiseaseMatches { get; private set; } = new LexiconMatch[1024];

    /// <summary>Matches of names annotated in the training data (the "seen mention" gazetteer).</summary>
    public LexiconMatch[] SeenChemical { get; private set; } = new LexiconMatch[1024];

    public LexiconMatch[] SeenDisease { get; private set; } = new LexiconMatch[1024];

    /// <summary>Per token: a hash describing the long form when the token is a defined abbreviation, else 0.</summary>
    public ulong[] Abbreviation { get; private set; } = new ulong[1024];

    public List<int> SentenceEnds { get; } = [];

    /// <summary>Per token: already inside a chemical or disease mention.</summary>
    public bool[] Covered { get; private set; } = new bool[1024];

    public List<AbbreviationFinder.Definition> Abbreviations { get; } = [];

    public void Analyze(string text, Lexicon lexicon, Lexicon seen)
    {
        Text = text;
        Tokenizer.Tokenize(text, ref _tokens);
        var n = _tokens.Count;
        if (Words.Length < n)
        {
            var size = Math.Max(n, Words.Length * 2);
            Words = new ulong[size];
            Shapes = new ulong[size];
            ShortShapes = new ulong[size];
            Suffix3 = new ulong[size];
            ChemicalMatches = new LexiconMatch[size];
            DiseaseMatches = new LexiconMatch[size];
            SeenChemical = new LexiconMatch[size];
            SeenDisease = new LexiconMatch[size];
            Abbreviation = new ulong[size];
            Covered = new bool[size];
        }

        var tokens = _tokens.Span;
        var span = text.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var word = span[tokens[i].Start..tokens[i].End];
            Words[i] = TextHash.Normalized(word);
            (Shapes[i], ShortShapes[i]) = ShapeHashes(word);
            var s = TextHash.Seed;
            for (var k = word.Length - 1; k >= Math.Max(0, word.Length - 3); k--)
            {
                s = TextHash.Add(s, TextHash.Normalize(word[k]));
            }

            Suffix3[i] = s;
        }

        Array.Clear(Abbreviation, 0, n);
        lexicon.Match(Words.AsSpan(0, n), ChemicalMatches.AsSpan(0, n), DiseaseMatches.AsSpan(0, n));
        seen.Match(Words.AsSpan(0, n), SeenChemical.AsSpan(0, n), SeenDisease.AsSpan(0, n));
        SentenceSplitter.Split(span, tokens, SentenceEnds);
        AbbreviationFinder.Find(text, tokens, Abbreviations);
        MarkAbbreviations(lexicon);
    }

    /// <summary>
    /// Gives every occurrence of a defined short form a feature describing its long form, so "CRPS" far from its
    /// definition still looks like the disease it abbreviates.
    /// </summary>
    private void MarkAbbreviations(Lexicon lexicon)
    {
        if (Abbreviations.Count == 0)
        {
            return;
        }

        var values = new Dictionary<ulong, ulong>();
        foreach (var d in Abbreviations)
        {
            if (d.ShortEnd - d.ShortStart != 1)
            {
                continue;
            }

            var longWords = Words.AsSpan(d.LongStart, d.LongEnd - d.LongStart);
            var flags = 1UL;
            flags |= lexicon.Exact(longWords, LexiconType.Chemical) >= 0 ? 2UL : 0;
            flags |= lexicon.Exact(longWords, LexiconType.Disease) >= 0 ? 4UL : 0;
            flags |= ChemicalMatches[d.LongEnd - 1] is LexiconMatch.Last or LexiconMatch.Unit ? 8UL : 0;
            flags |= DiseaseMatches[d.LongEnd - 1] is LexiconMatch.Last or LexiconMatch.Unit ? 16UL : 0;
            values.TryAdd(Words[d.ShortStart], TextHash.Mix(flags, Suffix3[d.LongEnd - 1]));
        }

        for (var i = 0; i < Count; i++)
        {
            if (values.TryGetValue(Words[i], out var value))
            {
                Abbreviation[i] = value;
            }
        }
    }

    /// <summary>Drops the reference to the text so a large document is not kept alive by the thread's workspace.</summary>
    public void Release() => Text = string.Empty;

    private static (ulong Long, ulong Short) ShapeHashes(ReadOnlySpan<char> word)
    {
        var longHash = TextHash.Seed;
        var shortHash = TextHash.Seed;
        var previous = '\0';
        var limit = Math.Min(word.Length, 16);
        for (var k = 0; k < limit; k++)
        {
            var c = word[k];
            var shape = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'a' : TextHash.Normalize(c);
            longHash = TextHash.Add(longHash, shape);
            if (shape != previous)
            {
                shortHash = TextHash.Add(shortHash, shape);
                previous = shape;
            }
        }

        if (word.Length > limit)
        {
            longHash = TextHash.Add(longHash, '+');
        }

        return (longHash, shortHash);
    }
}
