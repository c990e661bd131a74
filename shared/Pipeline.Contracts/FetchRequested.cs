namespace Pipeline.Contracts;

/// <summary>The crawler asks a fetcher to fetch one URL.</summary>
public sealed record FetchRequested(
    Guid DocumentId,
    DocumentSource Source,
    string CrawlName,
    int Depth,
    string? ETag,
    string? LastModified,
    DateTimeOffset RequestedAt);
