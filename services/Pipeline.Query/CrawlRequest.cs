using Pipeline.Crawler;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary>A crawl to create or replace, as sent to <c>POST /api/crawls</c>; checked by the same rules as <c>pipeline crawl add</c>.</summary>
internal sealed record CrawlRequest(
    string? Name,
    IReadOnlyList<string>? Seeds,
    string? Interval,
    string? Cron,
    int? Depth,
    int? MaxPages,
    string? Scope,
    bool? UseSitemap)
{
    /// <summary>The same defaults as the command line.</summary>
    public const int DefaultDepth = 2;

    public const int DefaultMaxPages = 1000;

    /// <summary>The definition, or null with <paramref name="errors"/> saying what is wrong with each field.</summary>
    public CrawlDefinition? ToDefinition(DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        TimeSpan? interval = null;
        string? intervalError = null;
        if (!string.IsNullOrWhiteSpace(Interval))
        {
            try
            {
                interval = CrawlDefinitions.ParseInterval(Interval);
            }
            catch (FormatException ex)
            {
                intervalError = ex.Message;
            }
        }

        var cron = string.IsNullOrWhiteSpace(Cron) ? null : Cron;
        var problems = CrawlDefinitions.Check(
            Name, Seeds, interval, intervalError is null ? cron : null, Depth ?? DefaultDepth, MaxPages ?? DefaultMaxPages, Scope ?? CrawlScope.SameHost, out var seeds);
        if (intervalError is not null)
        {
            problems["interval"] = intervalError;
        }

        errors = problems.ToDictionary(p => p.Key, p => new[] { p.Value }, StringComparer.Ordinal);
        return errors.Count > 0
            ? null
            : new CrawlDefinition(Name!, seeds, interval, cron?.Trim(), Depth ?? DefaultDepth, MaxPages ?? DefaultMaxPages, Scope ?? CrawlScope.SameHost, UseSitemap ?? false, now);
    }
}
