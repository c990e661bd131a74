namespace Pipeline.Contracts;

/// <summary>A fetcher tells the crawler how a <see cref="FetchRequested"/> ended, so the crawler can update the URL's state and its frontier.</summary>
/// <param name="DocumentId">The requested document.</param>
/// <param name="CrawlName">The crawl that asked.</param>
/// <param name="Url">The requested (normalised) URL.</param>
/// <param name="Depth">The requested URL's depth in the crawl.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="StatusCode">The HTTP status, or 0 when no response arrived.</param>
/// <param name="ETag">From the response, for the next conditional GET.</param>
/// <param name="LastModified">From the response, for the next conditional GET.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the body, when there was one.</param>
/// <param name="Target">The redirect target or canonical URL (absolute, not yet normalised), for those outcomes.</param>
/// <param name="RetryAfterSeconds">The server's Retry-After, when it sent one.</param>
/// <param name="Error">What went wrong, for people.</param>
/// <param name="Links">Absolute URLs of the followable links on the page (nofollow removed), at most a configured number.</param>
/// <param name="CompletedAt">When the response ended.</param>
public sealed record FetchCompleted(
    Guid DocumentId,
    string CrawlName,
    string Url,
    int Depth,
    FetchOutcome Outcome,
    int StatusCode,
    string? ETag,
    string? LastModified,
    string? ContentHash,
    string? Target,
    double? RetryAfterSeconds,
    string? Error,
    IReadOnlyList<string> Links,
    DateTimeOffset CompletedAt);
