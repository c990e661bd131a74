namespace Pipeline.Storage;

/// <summary>The document store port. Implementations: SQLite (embedded) and MongoDB (production).</summary>
public interface IDocumentStore
{
    /// <summary>Creates or migrates the schema and indexes. Idempotent; hosts call it at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers (health checks); a store that does not throws <see cref="StoreUnavailableException"/>.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a document, idempotently by id. An older or equal version never overwrites a newer one;
    /// identical text already held by another document is recorded as a duplicate, not stored twice.
    /// </summary>
    Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken);

    /// <summary>Writes many documents in one batch, with the same rules as <see cref="UpsertAsync"/>.</summary>
    Task<IReadOnlyList<UpsertResult>> UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken);

    Task<StoredDocument?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<SearchPage> SearchAsync(DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>The top entities per type over the documents matching <paramref name="query"/> (its paging is ignored).</summary>
    /// <param name="query">The matching set.</param>
    /// <param name="type">Only this type, or every type when null.</param>
    /// <param name="prefix">Only values starting with this (for autocomplete), or null.</param>
    /// <param name="perType">How many values per type.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<EntityFacet>> FacetsAsync(DocumentQuery query, string? type, string? prefix, int perType, CancellationToken cancellationToken);

    /// <summary>The entities that most often appear in the same documents as <paramref name="key"/>.</summary>
    Task<IReadOnlyList<EntityFacet>> CooccurringAsync(EntityKey key, int limit, CancellationToken cancellationToken);

    /// <summary>The number of documents matching <paramref name="query"/> (its paging is ignored).</summary>
    Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Totals for a status page.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
