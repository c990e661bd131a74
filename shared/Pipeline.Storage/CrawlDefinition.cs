namespace Pipeline.Storage;

/// <summary>A named, scheduled crawl.</summary>
/// <param name="Name">Unique name (letters, digits, '-', '_', '.').</param>
/// <param name="Seeds">Start URLs.</param>
/// <param name="Interval">Run every this long, or null when <paramref name="Cron"/> is set.</param>
/// <param name="Cron">A Quartz cron expression, or null when <paramref name="Interval"/> is set.</param>
/// <param name="Depth">Links followed from the seeds (0: seeds only).</param>
/// <param name="MaxPages">Pages fetched per run at most.</param>
/// <param name="Scope"><c>same-host</c>, <c>same-prefix</c> or <c>list</c> (the seeds only).</param>
/// <param name="UseSitemap">Read sitemap.xml (and robots.txt Sitemap lines) for URLs.</param>
public sealed record CrawlDefinition(
    string Name,
    IReadOnlyList<string> Seeds,
    TimeSpan? Interval,
    string? Cron,
    int Depth,
    int MaxPages,
    string Scope,
    bool UseSitemap,
    DateTimeOffset UpdatedAt);
