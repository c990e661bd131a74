namespace Pipeline.Tagging.Text;

/// <summary>
/// Splits a token sequence into sentences at terminal punctuation followed by a capital, digit or opening mark,
/// and at line breaks (web text puts headings, bullets and paragraphs on their own lines).
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Long runs without punctuation (tables, a 100,000-character token) are cut so decoding stays bounded.</summary>
    public const int MaxSentenceTokens = 300;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "vs", "fig", "figs", "no", "nos", "al", "approx", "ca", "inc",
        "ltd", "co", "corp", "jr", "sr", "eq", "ref", "refs", "vol", "pp", "dept", "univ", "e", "i", "cf", "resp",
        "gen", "gov", "sen", "rep", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "min", "max", "wt", "b.i.d", "t.i.d",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the exclusive end token index of each sentence to <paramref name="ends"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<int> ends)
    {
        ends.Clear();
        var sentenceStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var last = i + 1 == tokens.Length;
            if (last || IsBoundaryAfter(text, tokens, i) || i + 1 - sentenceStart >= MaxSentenceTokens)
            {
                ends.Add(i + 1);
                sentenceStart = i + 1;
            }
        }
    }

    private static bool IsBoundaryAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        if (next.SpaceBefore && text[token.End..next.Start].Contains('\n'))
        {
            return true;
        }

        if (token.Kind != TokenKind.Symbol || !next.SpaceBefore)
        {
            return false;
        }

        var c = text[token.Start];
        if (c is not ('.' or '!' or '?'))
        {
            return false;
        }

        var n = text[next.Start];
        if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u2022'))
        {
            return false;
        }

        if (c == '.' && i > 0)
        {
            var prev = tokens[i - 1];
            if (prev.End == token.Start && prev.Kind == TokenKind.Word)
            {
                var word = text[prev.Start..prev.End];

                // Initials ("J. Smith") and abbreviations ("Dr. Lee", "et al. Further") rarely end a sentence.
                if ((word.Length == 1 && char.IsUpper(word[0])) || AbbreviationLookup.Contains(word))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
