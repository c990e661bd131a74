using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>What an upsert did.</summary>
/// <param name="Outcome">Stored, unchanged (same or older version, or same text) or duplicate of another document.</param>
/// <param name="DuplicateOf">The document that already holds the same text, for <see cref="StoreOutcome.Duplicate"/>.</param>
/// <param name="StoredAt">When the store wrote it (or first recorded it).</param>
public sealed record UpsertResult(StoreOutcome Outcome, Guid? DuplicateOf, DateTimeOffset StoredAt);
