namespace Pipeline.Storage;

/// <summary>Totals over the store.</summary>
/// <param name="Documents">Stored documents.</param>
/// <param name="Duplicates">Sources recorded as duplicates of a stored document.</param>
/// <param name="BySourceKind">Documents per source kind (inbox, file, web, api).</param>
/// <param name="ByHost">Documents per web host (top 50).</param>
/// <param name="LastStoredAt">The newest stored time.</param>
public sealed record StoreStatistics(
    long Documents,
    long Duplicates,
    IReadOnlyDictionary<string, long> BySourceKind,
    IReadOnlyDictionary<string, long> ByHost,
    DateTimeOffset? LastStoredAt);
