using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>
/// Labels each line of a text dump against a page's gold main text: a line of three or more words belongs to the
/// main text when most of its word trigrams occur in it; a one- or two-word line when it is a whole gold line
/// (a heading) or continues a main-text line of its block (the tail of a wrapped paragraph). Lines inside a
/// <c>without</c> snippet are boilerplate, lines inside a <c>with</c> snippet are main text, whatever the overlap says.
/// </summary>
internal static class LineAligner
{
    private const double TrigramShare = 0.5;

    /// <summary>Returns 1 (main text) or 0 per line.</summary>
    public static float[] Label(IReadOnlyList<TextUnit> units, string gold, IReadOnlyList<string> with, IReadOnlyList<string> without)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldTokens = Tokens(gold, ids, add: true);
        var unigrams = new HashSet<int>(goldTokens);
        var bigrams = new HashSet<(int, int)>();
        var trigrams = new HashSet<(int, int, int)>();
        for (var i = 0; i + 1 < goldTokens.Count; i++)
        {
            bigrams.Add((goldTokens[i], goldTokens[i + 1]));
            if (i + 2 < goldTokens.Count)
            {
                trigrams.Add((goldTokens[i], goldTokens[i + 1], goldTokens[i + 2]));
            }
        }

        var goldLines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in gold.Split('\n'))
        {
            goldLines.Add(Normalise(line));
        }

        var withs = with.Select(Normalise).Where(s => s.Length > 0).ToList();
        var withouts = without.Select(Normalise).Where(s => s.Length > 0).ToList();
        var labels = new float[units.Count];
        var pending = new bool[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var tokens = Tokens(units[i].Text, ids, add: false);
            if (tokens.Count >= 3)
            {
                var hits = 0;
                for (var k = 0; k + 2 < tokens.Count; k++)
                {
                    hits += trigrams.Contains((tokens[k], tokens[k + 1], tokens[k + 2])) ? 1 : 0;
                }

                labels[i] = hits >= TrigramShare * (tokens.Count - 2) ? 1 : 0;
            }
            else if (tokens.Count > 0)
            {
                var inGold = tokens.Count == 1 ? unigrams.Contains(tokens[0]) : bigrams.Contains((tokens[0], tokens[1]));
                labels[i] = inGold && goldLines.Contains(Normalise(units[i].Text)) ? 1 : 0;
                pending[i] = inGold && labels[i] == 0;
            }

            var normalised = tokens.Count >= 2 ? Normalise(units[i].Text) : null;
            if (normalised is not null && withouts.Any(s => s.Contains(normalised, StringComparison.Ordinal)))
            {
                labels[i] = 0;
            }
            else if (normalised is not null && tokens.Count >= 3 && withs.Any(s => s.Contains(normalised, StringComparison.Ordinal)))
            {
                labels[i] = 1;
            }
        }

        for (var i = 0; i < units.Count; i++)
        {
            // The last words of a wrapped paragraph, or the first of one, go with the block they sit in.
            if (pending[i] && ((i > 0 && !units[i].BlankBefore && labels[i - 1] == 1) || (i + 1 < units.Count && !units[i + 1].BlankBefore && labels[i + 1] == 1)))
            {
                labels[i] = 1;
            }
        }

        return labels;
    }

    /// <summary>Lower-cased words joined by single spaces.</summary>
    public static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var word in new WordEnumerator(text))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            foreach (var c in word)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static List<int> Tokens(string text, Dictionary<string, int> ids, bool add)
    {
        var tokens = new List<int>();
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var word in new WordEnumerator(text))
        {
            var key = word.Length <= lower.Length ? lower[..word.ToLowerInvariant(lower)] : word.ToString().ToLowerInvariant().AsSpan();
            if (lookup.TryGetValue(key, out var id))
            {
                tokens.Add(id);
            }
            else if (add)
            {
                id = ids.Count;
                lookup[key] = id;
                tokens.Add(id);
            }
            else
            {
                tokens.Add(-1);
            }
        }

        return tokens;
    }
}
