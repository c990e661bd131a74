namespace Pipeline.Tagging.Model;

/// <summary>
/// Keeps a non-overlapping subset of candidates: within each cluster of overlapping candidates, higher priority
/// first (precise patterns before names before statistical mentions), then longer spans, then earlier ones.
/// Clusters are found by one sweep in start order, so a 5 MB document stays linear in practice.
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

    private static readonly Comparison<Candidate> ByStart = (a, b) =>
    {
        var c = a.Start.CompareTo(b.Start);
        return c != 0 ? c : ByStrength(a, b);
    };

    public static void Resolve(List<Candidate> candidates, List<Candidate> accepted)
    {
        accepted.Clear();
        candidates.RemoveAll(c => c.End <= c.Start);
        candidates.Sort(ByStart);
        var cluster = new List<Candidate>();
        var i = 0;
        while (i < candidates.Count)
        {
            cluster.Clear();
            var end = candidates[i].End;
            cluster.Add(candidates[i++]);
            while (i < candidates.Count && candidates[i].Start < end)
            {
                end = Math.Max(end, candidates[i].End);
                cluster.Add(candidates[i++]);
            }

            if (cluster.Count == 1)
            {
                accepted.Add(cluster[0]);
                continue;
            }

            var first = accepted.Count;
            cluster.Sort(ByStrength);
            foreach (var c in cluster)
            {
                var free = true;
                for (var k = first; k < accepted.Count && free; k++)
                {
                    free = c.End <= accepted[k].Start || c.Start >= accepted[k].End;
                }

                if (free)
                {
                    accepted.Add(c);
                }
            }

            accepted.Sort(first, accepted.Count - first, Comparer<Candidate>.Create(ByStart));
        }
    }
}
