using System.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Learns a site's template from the documents it has seen: a line that recurs in at least
/// <see cref="MinShare"/> of a site's documents (once it has seen <see cref="MinDocuments"/> of them) is part of the
/// template (a footer, a pitch paragraph, a menu the cleaner missed), and is removed from later results.
/// A site is whatever key the caller groups documents by: the URL host, or the inbox folder. Thread-safe.
/// </summary>
/// <param name="minDocuments">Documents a site needs before anything is removed.</param>
/// <param name="minShare">Share of the site's documents a line must appear in to count as template.</param>
public sealed class SiteTemplateLearner(int minDocuments = 5, double minShare = 0.6)
{
    /// <summary>Lines longer than this are article prose, which sites do not repeat verbatim.</summary>
    private const int MaxLineChars = 400;

    /// <summary>Distinct lines remembered per site, so memory stays bounded on large crawls.</summary>
    private const int MaxLinesPerSite = 20_000;

    private readonly Dictionary<string, SiteLines> sites = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Documents a site needs before anything is removed.</summary>
    public int MinDocuments { get; } = minDocuments;

    /// <summary>Share of the site's documents a line must appear in to count as template.</summary>
    public double MinShare { get; } = minShare;

    /// <summary>Records the lines of one cleaned document of <paramref name="site"/>.</summary>
    public void Observe(string site, CleaningResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(result);
        var lines = DistinctLines(result.Text);
        var stats = Site(site);
        lock (stats)
        {
            stats.Documents++;
            foreach (var line in lines)
            {
                if (stats.Counts.TryGetValue(line, out var n))
                {
                    stats.Counts[line] = n + 1;
                }
                else if (stats.Counts.Count < MaxLinesPerSite)
                {
                    stats.Counts[line] = 1;
                }
            }
        }
    }

    /// <summary>Removes the site's template lines from <paramref name="result"/>, listing them as <see cref="BoilerplateKinds.SiteTemplate"/>.</summary>
    public CleaningResult Apply(string site, CleaningResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(result);
        var templateLines = TemplateLines(site);
        if (templateLines.Count == 0)
        {
            return result;
        }

        var kept = new StringBuilder(result.Text.Length);
        var removed = new List<RemovedBlock>(result.Removed.Count);
        var template = new List<RemovedBlock>();
        var starts = new List<int>();
        var before = new List<int>();
        var pendingBreak = string.Empty;
        foreach (var range in result.Text.AsSpan().Split('\n'))
        {
            var line = result.Text.AsSpan(range);
            if (line.IsWhiteSpace())
            {
                pendingBreak = "\n\n";
                continue;
            }

            starts.Add(range.Start.Value);
            before.Add(kept.Length);
            var key = line.Trim().ToString();
            if (templateLines.Contains(key))
            {
                template.Add(new RemovedBlock(BoilerplateKinds.SiteTemplate, key, kept.Length));
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append(pendingBreak.Length > 0 ? pendingBreak : "\n");
            }

            kept.Append(line);
            pendingBreak = string.Empty;
        }

        // Blocks removed earlier keep their place: the position of the first line that started at or after it.
        foreach (var block in result.Removed)
        {
            if (block.Offset is not { } offset)
            {
                removed.Add(block);
                continue;
            }

            var i = starts.BinarySearch(offset);
            i = i < 0 ? ~i : i;
            removed.Add(block with { Offset = i < before.Count ? before[i] : kept.Length });
        }

        removed.AddRange(template);
        return result with { Text = kept.ToString(), Removed = removed };
    }

    /// <summary>The lines currently counted as <paramref name="site"/>'s template.</summary>
    public IReadOnlySet<string> TemplateLines(string site)
    {
        var stats = Site(site);
        var template = new HashSet<string>(StringComparer.Ordinal);
        lock (stats)
        {
            if (stats.Documents < MinDocuments)
            {
                return template;
            }

            foreach (var (line, n) in stats.Counts)
            {
                if (n >= stats.Documents * MinShare)
                {
                    template.Add(line);
                }
            }
        }

        return template;
    }

    private SiteLines Site(string site)
    {
        lock (sites)
        {
            if (!sites.TryGetValue(site, out var stats))
            {
                stats = new SiteLines();
                sites[site] = stats;
            }

            return stats;
        }
    }

    private static HashSet<string> DistinctLines(string text)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.Length is > 0 and <= MaxLineChars)
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    private sealed class SiteLines
    {
        public int Documents { get; set; }

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    }
}
