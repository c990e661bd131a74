namespace Pipeline.Tagging.Model;

/// <summary>
/// Whole-or-nothing rules for chemical and disease mentions that are part of a larger written unit:
/// "ME/CFS" is one disease (not "CFS" with a stray "ME/"; chemicals keep their slash pairs apart), and a one- or two-letter chemical after a capitalised
/// word ("Special K", "Vitamin Water D") is part of a name, so it is dropped rather than tagged alone.
/// </summary>
internal static class CompositeMentions
{
    /// <summary>Longest slash-joined part taken into a mention ("ME" of "ME/CFS").</summary>
    private const int MaxPart = 8;

    public static void Apply(string text, List<Candidate> candidates)
    {
        for (var k = candidates.Count - 1; k >= 0; k--)
        {
            var c = candidates[k];
            if (c.Type is not (EntityTypes.Chemical or EntityTypes.Disease))
            {
                continue;
            }

            if (c.End - c.Start <= 2 && AfterCapitalisedWord(text, c.Start))
            {
                candidates.RemoveAt(k);
                continue;
            }

            // Chemistry writes pairs with a slash ("levodopa/carbidopa", "5-HT/NA"): only diseases are composite.
            if (c.Type != EntityTypes.Disease)
            {
                continue;
            }

            var start = c.Start;
            while (start > 1 && text[start - 1] == '/' && PartBefore(text, start - 1) is var before && before >= 0)
            {
                start = before;
            }

            var end = c.End;
            while (end + 1 < text.Length && text[end] == '/' && PartAfter(text, end + 1) is var after && after >= 0)
            {
                end = after;
            }

            if (start != c.Start || end != c.End)
            {
                candidates[k] = c with { Start = start, End = end };
            }
        }
    }

    /// <summary>Start of a run of capitals and digits ending at <paramref name="slash"/>, standing alone on its left; else -1.</summary>
    private static int PartBefore(string text, int slash)
    {
        var k = slash;
        while (k > 0 && slash - k < MaxPart && IsPartChar(text[k - 1]))
        {
            k--;
        }

        return k < slash && (k == 0 || !char.IsLetterOrDigit(text[k - 1])) && char.IsUpper(text[k]) ? k : -1;
    }

    /// <summary>End of a run of capitals and digits starting at <paramref name="start"/>, standing alone on its right; else -1.</summary>
    private static int PartAfter(string text, int start)
    {
        var k = start;
        while (k < text.Length && k - start < MaxPart && IsPartChar(text[k]))
        {
            k++;
        }

        return k > start && (k == text.Length || !char.IsLetterOrDigit(text[k])) && char.IsUpper(text[start]) ? k : -1;
    }

    private static bool IsPartChar(char c) => char.IsUpper(c) || char.IsAsciiDigit(c);

    /// <summary>"Special K": one space after a capitalised word of letters.</summary>
    private static bool AfterCapitalisedWord(string text, int start)
    {
        if (start < 3 || text[start - 1] != ' ')
        {
            return false;
        }

        var k = start - 1;
        while (k > 0 && char.IsLetter(text[k - 1]))
        {
            k--;
        }

        return k < start - 2 && char.IsUpper(text[k]) && char.IsLower(text[start - 2]);
    }
}
