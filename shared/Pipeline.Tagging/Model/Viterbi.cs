namespace Pipeline.Tagging.Model;

/// <summary>First-order Viterbi decoding over BILOU labels, with invalid transitions excluded.</summary>
internal static class Viterbi
{
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> labels, Span<float> score, Span<int> back) =>
        Decode(Labels.Set, emissions, transitions, labels, score, back);

    public static void Decode(LabelSet set, ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> labels, Span<float> score, Span<int> back)
    {
        var L = set.Count;
        var n = labels.Length;
        if (n == 0)
        {
            return;
        }

        for (var y = 0; y < L; y++)
        {
            score[y] = set.Allowed(set.StartRow, y)
                ? emissions[y] + transitions[(set.StartRow * L) + y]
                : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            var prev = score.Slice((i - 1) * L, L);
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    if (!set.Allowed(p, y))
                    {
                        continue;
                    }

                    var s = prev[p] + transitions[(p * L) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                score[(i * L) + y] = best + emissions[(i * L) + y];
                back[(i * L) + y] = arg;
            }
        }

        var last = score.Slice((n - 1) * L, L);
        var bestLabel = 0;
        var bestScore = float.NegativeInfinity;
        for (var y = 0; y < L; y++)
        {
            if (LabelSet.CanEnd(y) && last[y] > bestScore)
            {
                bestScore = last[y];
                bestLabel = y;
            }
        }

        labels[n - 1] = bestLabel;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * L) + labels[i]];
        }
    }
}
