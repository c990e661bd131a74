using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>
/// The stored shape of a document, the same in every store:
/// <c>{ _id, source, title, text, language, author, published, fetchedAt, storedAt, version, contentHash, entities, entityKeys, cleaning: { removed }, format, pages }</c>.
/// </summary>
public sealed record StoredDocument
{
    /// <summary>Derived from the canonical source (<see cref="DocumentIdentity"/>).</summary>
    public required Guid Id { get; init; }

    public required DocumentSource Source { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    public string? Language { get; init; }

    public string? Author { get; init; }

    public string? SiteName { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Set by the store when it writes the document.</summary>
    public DateTimeOffset StoredAt { get; init; }

    /// <summary>Monotonic per document: an older version never overwrites a newer one.</summary>
    public required long Version { get; init; }

    /// <summary>SHA-256 of the cleaned text (see <see cref="ContentHashing"/>), for duplicate detection.</summary>
    public required string ContentHash { get; init; }

    public IReadOnlyList<EntityMention> Entities { get; init; } = [];

    /// <summary><c>Type:canonical</c> with the canonical lower-cased, one per distinct entity (<see cref="EntityKey"/>).</summary>
    public IReadOnlyList<string> EntityKeys { get; init; } = [];

    /// <summary>What cleaning removed.</summary>
    public IReadOnlyList<RemovedText> Removed { get; init; } = [];

    /// <summary>The source's format (<c>html</c>, <c>text</c>, <c>pdf</c>, <c>docx</c>, ...), when known.</summary>
    public string? Format { get; init; }

    /// <summary>For paged sources (PDF, slides), where each page lies in <see cref="Text"/>.</summary>
    public IReadOnlyList<PageSpan> Pages { get; init; } = [];
}
