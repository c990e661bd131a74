namespace Pipeline.Contracts;

/// <summary>The main text of a document with its metadata, boilerplate removed.</summary>
public sealed record DocumentCleaned(
    Guid DocumentId,
    DocumentSource Source,
    long Version,
    DateTimeOffset FetchedAt,
    string Title,
    string Text,
    string? Language,
    string? Author,
    DateTimeOffset? Published,
    string? SiteName,
    IReadOnlyList<RemovedText> Removed,
    string? Format = null,
    IReadOnlyList<PageSpan>? Pages = null);
