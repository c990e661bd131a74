using MongoDB.Driver;
using Pipeline.Contracts;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public async Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await InitializeAsync(cancellationToken);
        var id = document.Id;
        var existing = await _documents.Find(d => d.Id == id)
            .Project(d => new { d.Version, d.StoredAt, d.ContentHash })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null && existing.Version >= document.Version)
        {
            return new UpsertResult(StoreOutcome.Unchanged, null, MongoDocumentMapper.ToDate(existing.StoredAt) ?? default);
        }

        var now = Now();
        var original = await _documents.Find(OriginalFilter(document))
            .Project(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (original != Guid.Empty)
        {
            if (existing is not null)
            {
                // The stored version of this source now says what another document says: its text goes, so a
                // duplicate that pointed at it takes that text over first.
                await PromoteDuplicateOfAsync(id, now, cancellationToken);
                await _documents.DeleteOneAsync(d => d.Id == id, cancellationToken);
            }

            try
            {
                await _duplicates.ReplaceOneAsync(DuplicateFilter(document), Duplicate(document, original, now), Upsert, cancellationToken);
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // A newer version of this duplicate is already recorded.
            }

            return new UpsertResult(StoreOutcome.Duplicate, original, now);
        }

        if (existing is not null && existing.ContentHash != document.ContentHash)
        {
            await PromoteDuplicateOfAsync(id, now, cancellationToken);
        }

        var replacement = MongoDocumentMapper.ToRecord(document, now);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _documents.ReplaceOneAsync(VersionGuard(document), replacement, Upsert, cancellationToken);
                break;
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey && !ex.WriteError.Message.Contains("source.uri", StringComparison.Ordinal))
            {
                // The _id exists with this version or a newer one (possibly written by a racing writer just now);
                // one more attempt covers a racer that inserted an older version between our two steps.
                if (attempt == 1)
                {
                    var current = await _documents.Find(d => d.Id == id).Project(d => (DateTime?)d.StoredAt).FirstOrDefaultAsync(cancellationToken);
                    return new UpsertResult(StoreOutcome.Unchanged, null, MongoDocumentMapper.ToDate(current) ?? now);
                }
            }
        }

        await _duplicates.DeleteOneAsync(d => d.Id == id, cancellationToken);
        return new UpsertResult(StoreOutcome.Stored, null, now);
    }

    public async Task<IReadOnlyList<UpsertResult>> UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new List<UpsertResult>(documents.Count);
        foreach (var document in documents)
        {
            results.Add(await UpsertAsync(document, cancellationToken));
        }

        return results;
    }

    /// <summary>Only an older version (or none) is replaced: with upsert, a newer one makes the insert hit the _id index.</summary>
    internal static FilterDefinition<MongoDocumentRecord> VersionGuard(StoredDocument document) =>
        Builders<MongoDocumentRecord>.Filter.Eq(d => d.Id, document.Id) & Builders<MongoDocumentRecord>.Filter.Lt(d => d.Version, document.Version);

    /// <summary>Another document that already holds this text.</summary>
    internal static FilterDefinition<MongoDocumentRecord> OriginalFilter(StoredDocument document) =>
        Builders<MongoDocumentRecord>.Filter.Eq(d => d.ContentHash, document.ContentHash) & Builders<MongoDocumentRecord>.Filter.Ne(d => d.Id, document.Id);

    internal static FilterDefinition<MongoDuplicateRecord> DuplicateFilter(StoredDocument document) =>
        Builders<MongoDuplicateRecord>.Filter.Eq(d => d.Id, document.Id) & Builders<MongoDuplicateRecord>.Filter.Lte(d => d.Version, document.Version);

    internal static MongoDuplicateRecord Duplicate(StoredDocument document, Guid of, DateTimeOffset now) => new()
    {
        Id = document.Id,
        Source = MongoDocumentMapper.Source(document.Source),
        DuplicateOf = of,
        ContentHash = document.ContentHash,
        Version = document.Version,
        RecordedAt = now.UtcDateTime,
    };
}
