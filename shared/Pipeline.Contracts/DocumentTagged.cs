namespace Pipeline.Contracts;

/// <summary>A cleaned document with its entities, ready to store.</summary>
public sealed record DocumentTagged(
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
    IReadOnlyList<EntityMention> Entities,
    string? Format = null,
    IReadOnlyList<PageSpan>? Pages = null);
