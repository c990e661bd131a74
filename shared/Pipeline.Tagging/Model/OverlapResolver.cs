namespace Pipeline.Tagging.Model;

/// <summary>
/// Keeps a non-overlapping subset of candidates: higher priority first (precise patterns before names before
/// statistical mentions), then longer spans, then earlier ones. The result is sorted by start.
/// </summary>
internal static class OverlapResolver
{
    private static readonly Comparison<Candidate> ByStrength = (a, b) =>
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c != 0)
        {
            return c;
        }

        c = (b.End - b.Start).CompareTo(a.End - a.Start);
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    };

    private static readonly Comparison<Candidate> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    public static void Resolve(List<Candidate> candidates, List<Candidate> accepted)
    {
        accepted.Clear();
        candidates.Sort(ByStrength);
        foreach (var c in candidates)
        {
            if (c.End <= c.Start)
            {
                continue;
            }

            // accepted is kept sorted by start: find the first interval starting at or after c.Start.
            var lo = 0;
            var hi = accepted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (accepted[mid].Start < c.Start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var overlapsPrevious = lo > 0 && accepted[lo - 1].End > c.Start;
            var overlapsNext = lo < accepted.Count && accepted[lo].Start < c.End;
            if (!overlapsPrevious && !overlapsNext)
            {
                accepted.Insert(lo, c);
            }
        }

        accepted.Sort(ByStart);
    }
}
