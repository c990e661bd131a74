namespace Pipeline.Storage;

/// <summary>What the crawler knows about one URL, for conditional and adaptive re-fetching.</summary>
/// <param name="Url">The normalised URL.</param>
/// <param name="CrawlName">The crawl that owns it.</param>
/// <param name="LastFetchedAt">The last fetch attempt, or null if never fetched.</param>
/// <param name="ETag">From the last 200 response.</param>
/// <param name="LastModified">From the last 200 response.</param>
/// <param name="ContentHash">Hash of the last fetched body.</param>
/// <param name="NextDueAt">When to fetch it again.</param>
/// <param name="ErrorCount">Consecutive failures.</param>
/// <param name="LastError">The last failure, for people.</param>
/// <param name="Parked">True when it kept failing and is no longer retried.</param>
/// <param name="RefetchInterval">The adaptive interval between fetches.</param>
/// <param name="Links">
/// The page's outgoing links from its last fetch, so a crawl that meets it unchanged (304) or not yet due can still
/// follow them; null when never read.
/// </param>
public sealed record FetchState(
    string Url,
    string CrawlName,
    DateTimeOffset? LastFetchedAt,
    string? ETag,
    string? LastModified,
    string? ContentHash,
    DateTimeOffset? NextDueAt,
    int ErrorCount,
    string? LastError,
    bool Parked,
    TimeSpan RefetchInterval,
    IReadOnlyList<string>? Links = null);
