namespace Pipeline.Cleaning.Text;

/// <summary>Picks the title among the heading-like lines above the first paragraph of a text dump.</summary>
internal static class TitlePicker
{
    /// <summary>Returns the index of the title unit, or -1. Lines above it that are short are the site's header (tagline).</summary>
    public static int Pick(List<TextUnit> units)
    {
        var bodyStart = 0;
        while (bodyStart < units.Count && bodyStart < 10 && !(units[bodyStart].Words >= 20 && units[bodyStart].EndsSentence))
        {
            bodyStart++;
        }

        // Words of the body, to prefer the candidate that is about what the text is about (a slogan is not).
        var bodyWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = bodyStart; i < units.Count && i < bodyStart + 60; i++)
        {
            foreach (var m in LinePatterns.Word().EnumerateMatches(units[i].Text))
            {
                if (m.Length >= 5)
                {
                    bodyWords.Add(units[i].Text.Substring(m.Index, m.Length));
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
        foreach (var m in LinePatterns.Word().EnumerateMatches(u.Text))
        {
            if (m.Length < 4)
            {
                continue;
            }

            content++;
            capitalised += char.IsUpper(u.Text[m.Index]) ? 1 : 0;
            if (m.Length >= 5 && bodyWords.Contains(u.Text.Substring(m.Index, m.Length)))
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
