namespace Pipeline.Contracts;

/// <summary>The store has the document (or knows it as a duplicate of <paramref name="DuplicateOf"/>).</summary>
public sealed record DocumentStored(
    Guid DocumentId,
    DocumentSource Source,
    long Version,
    string ContentHash,
    StoreOutcome Outcome,
    Guid? DuplicateOf,
    DateTimeOffset StoredAt);
