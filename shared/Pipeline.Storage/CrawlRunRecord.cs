namespace Pipeline.Storage;

/// <summary>The last run of a crawl, for the status page and the misfire check at start.</summary>
/// <param name="CrawlName">The crawl.</param>
/// <param name="StartedAt">When the run began.</param>
/// <param name="FinishedAt">When it ended, or null while it runs (or when the process stopped during it).</param>
/// <param name="Fetched">Pages fetched new or changed.</param>
/// <param name="NotModified">Pages that had not changed.</param>
/// <param name="Errors">URLs that failed.</param>
/// <param name="Requests">HTTP requests sent.</param>
public sealed record CrawlRunRecord(
    string CrawlName,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Fetched,
    int NotModified,
    int Errors,
    int Requests);
