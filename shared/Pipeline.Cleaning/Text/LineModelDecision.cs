namespace Pipeline.Cleaning.Text;

/// <summary>
/// Applies the line model's decision to a page dump the rules have already gone over, at a cut chosen for the page
/// (<see cref="PageThreshold"/>). The model only removes more:
/// a line a rule named stays removed under that name (the rules are precise about what they name). A line the model
/// alone removes is named from its shape: a short label is navigation, a list item or a link a link list, anything
/// longer text outside the main content. One such line alone between kept lines (lines the rules removed aside) is
/// a heading or a lead-in of the text around it, and is kept: the article is one stretch; so is a sentence between the
/// kept text and a start or end the rules removed.
/// </summary>
internal static class LineModelDecision
{
    /// <summary>A line of at most this many words that the model removes is a menu label.</summary>
    private const int LabelWords = 4;

    /// <summary>A sentence of this many words can close the article.</summary>
    private const int ProseWords = 8;

    public static void Apply(LineModel model, List<TextUnit> units)
    {
        var p = model.Predict(units);
        var threshold = PageThreshold(p, units, model.Threshold);
        // 0: kept by rules and model; 1: removed by the model; 2: removed by a rule or taken as the title.
        var state = new byte[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            state[i] = (byte)(!units[i].Kept ? 2 : p[i] < threshold ? 1 : 0);
        }

        for (var i = 0; i < units.Count; i++)
        {
            // A sentence with only the rules' removals between it and the start or the end closes the article.
            var prose = units[i].EndsSentence && units[i].Words >= ProseWords;
            if (state[i] == 1 && !(KeptNeighbour(state, i, -1, prose) && KeptNeighbour(state, i, +1, prose)))
            {
                units[i].Kind = KindOf(units[i]);
            }
        }
    }

    /// <summary>
    /// The page's own cut: taking the model's probabilities as the chance that each line is main text, the expected
    /// word F1 of keeping the k most probable lines is about 2·(their expected main words) / (their words + the
    /// page's expected main words); the cut keeps the k that maximises it. A page whose lines are all doubtful (a
    /// product or listing page) thus keeps its best lines rather than all or none of them at one fixed threshold.
    /// <paramref name="fallback"/> (the model's global threshold) when no line the rules kept is probable at all.
    /// </summary>
    internal static float PageThreshold(float[] p, List<TextUnit> units, float fallback)
    {
        var order = new List<int>();
        double total = 0;
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Kept)
            {
                order.Add(i);
                total += p[i] * Math.Max(1, units[i].Words);
            }
        }

        if (order.Count == 0 || total <= 0)
        {
            return fallback;
        }

        // Most probable first; equal probabilities in line order, so the cut is the same on every run.
        order.Sort((a, b) => p[b] != p[a] ? p[b].CompareTo(p[a]) : a.CompareTo(b));
        double kept = 0, hit = 0, best = -1;
        var cut = fallback;
        foreach (var i in order)
        {
            var w = Math.Max(1, units[i].Words);
            kept += w;
            hit += p[i] * w;
            var f = 2 * hit / (kept + total);
            if (f > best)
            {
                best = f;
                cut = p[i];
            }
        }

        return cut;
    }

    /// <summary>Whether the nearest line in <paramref name="step"/>'s direction that no rule removed is kept by the model.</summary>
    private static bool KeptNeighbour(byte[] state, int i, int step, bool edgeCounts)
    {
        for (var j = i + step; j >= 0 && j < state.Length; j += step)
        {
            if (state[j] != 2)
            {
                return state[j] == 0;
            }
        }

        return edgeCounts;
    }

    /// <summary>The kind a line removed by the model alone is reported under.</summary>
    public static string KindOf(TextUnit u)
    {
        if (u.IsListItem || u.Text.Contains("http", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return BoilerplateKinds.LinkList;
        }

        return u.Words <= LabelWords ? BoilerplateKinds.Navigation : BoilerplateKinds.OutsideMainContent;
    }
}
