namespace Pipeline.Contracts;

/// <summary>Raw bytes of a document, read from the inbox or fetched from the web.</summary>
/// <param name="DocumentId">Derived from the canonical source, so a re-fetch updates the same document.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Version">Monotonic per document (the fetch time in Unix milliseconds): the store ignores older versions.</param>
/// <param name="FetchedAt">When the bytes were read.</param>
/// <param name="ContentType">The HTTP content type, or null for files (the file name's extension decides).</param>
/// <param name="Content">The raw bytes, at most the configured maximum document size.</param>
public sealed record DocumentFetched(
    Guid DocumentId,
    DocumentSource Source,
    long Version,
    DateTimeOffset FetchedAt,
    string? ContentType,
    byte[] Content);
