namespace Pipeline.Cleaning.Text;

/// <summary>Picks the title among the heading-like lines above the first paragraph of a text dump.</summary>
internal static class TitlePicker
{
    /// <summary>How much of the body is read for its vocabulary: the opening says what the text is about.</summary>
    private const int BodySampleChars = 3000;

    /// <summary>A line standing alone at the top is a title only when it is this short.</summary>
    private const int MaxLoneTitleWords = 15;

    /// <summary>Returns the index of the title unit, or -1. Lines above it that are short are the site's header (tagline).</summary>
    /// <remarks>A line is only taken when it looks like a title and text remains below it: a note is never emptied into its title.</remarks>
    public static int Pick(List<TextUnit> units)
    {
        var bodyStart = 0;
        while (bodyStart < units.Count && bodyStart < 10 && !(units[bodyStart].Words >= 20 && units[bodyStart].EndsSentence))
        {
            bodyStart++;
        }

        // Words of the body's opening, to prefer the candidate that is about what the text is about (a slogan is not).
        var bodyWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookup = bodyWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var budget = BodySampleChars;
        for (var i = bodyStart; i < units.Count && budget > 0; i++)
        {
            var text = units[i].Text.AsSpan(0, Math.Min(units[i].Text.Length, budget));
            budget -= text.Length;
            foreach (var word in new WordEnumerator(text))
            {
                if (word.Length >= 5)
                {
                    lookup.Add(word);
                }
            }
        }

        var best = -1;
        var bestScore = double.MinValue;
        var rank = 0;
        for (var i = 0; i < bodyStart; i++)
        {
            var u = units[i];
            if (!u.Kept || u.IsListItem || u.Words is < 2 or > 30 || u.Text.EndsWith('.') || !LooksLikeTitle(units, i))
            {
                continue;
            }

            var score = Score(u, bodyWords, bodyWords.Count > 0) - 0.25 * rank;
            rank++;
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        if (best < 0 && units.Count > 0 && units[0].Kept && units[0].Words <= MaxLoneTitleWords && !units[0].IsListItem && LooksLikeTitle(units, 0))
        {
            best = 0;
        }

        return best;
    }

    /// <summary>
    /// A title does not end like a sentence, is not the first half of a wrapped sentence (the next line going on in
    /// lower case), and has kept text after it.
    /// </summary>
    private static bool LooksLikeTitle(List<TextUnit> units, int at)
    {
        var text = units[at].Text;
        if (text[^1] is '.' or ',' or ';' or ':' or '-' or '–' || (text[^1] == '…' && units[at].Words > 3))
        {
            return false;
        }

        var next = at + 1;
        while (next < units.Count && !units[next].Kept)
        {
            next++;
        }

        if (next >= units.Count)
        {
            return false;
        }

        var following = units[next];
        return following.BlankBefore || next != at + 1 || !char.IsLower(following.Text[0]);
    }

    /// <summary>
    /// A title for a text that has none of its own: its first sentence, cut at a word boundary when long. Nothing is
    /// removed from the body for it.
    /// </summary>
    public static string Derive(string body)
    {
        const int MaxChars = 80;
        var first = body.TrimStart();
        var lineEnd = first.IndexOf('\n', StringComparison.Ordinal);
        first = lineEnd >= 0 ? first[..lineEnd] : first;
        first = first[LinePatterns.ListMarker().Match(first).Length..];
        var text = first.AsSpan();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (i >= 10 && ((text[i] is '.' or '!' or '?' && text[i + 1] == ' ') || text[i] is '。' or '！' or '？'))
            {
                text = text[..(text[i] == '.' ? i : i + 1)];
                break;
            }
        }

        text = text.TrimEnd(" .");
        if (text.Length <= MaxChars)
        {
            return text.ToString();
        }

        var cut = text[..MaxChars].LastIndexOf(' ');
        return string.Concat(text[..(cut > MaxChars / 2 ? cut : MaxChars)].TrimEnd(" ,;:-"), "…");
    }

    private static double Score(TextUnit u, HashSet<string> bodyWords, bool hasBody)
    {
        int content = 0, inBody = 0, capitalised = 0;
        var lookup = bodyWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in new WordEnumerator(u.Text))
        {
            if (word.Length < 4)
            {
                continue;
            }

            content++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
            if (word.Length >= 5 && lookup.Contains(word))
            {
                inBody++;
            }
        }

        var score = content == 0 ? 0 : (double)capitalised / content;
        if (hasBody && content > 0)
        {
            score += 2.0 * inBody / content;
        }

        score += u.Words is >= 4 and <= 20 ? 0.5 : 0;
        score += u.IsHeading ? 2 : 0;
        return score;
    }
}
