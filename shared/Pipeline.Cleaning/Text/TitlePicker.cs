namespace Pipeline.Cleaning.Text;

/// <summary>Picks the title among the heading-like lines above the first paragraph of a text dump.</summary>
internal static class TitlePicker
{
    /// <summary>Returns the index of the title unit, or -1. Lines above it that are short are the site's header (tagline).</summary>
    /// <summary>How much of the body is read for its vocabulary: the opening says what the text is about.</summary>
    private const int BodySampleChars = 3000;

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
            if (!u.Kept || u.IsListItem || u.Words is < 2 or > 30 || u.Text.EndsWith('.'))
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

        if (best < 0 && units.Count > 0 && units[0].Kept && units[0].Words <= 30)
        {
            best = 0;
        }

        return best;
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
