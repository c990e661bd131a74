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

    /// <summary>
    /// A batch in three reads and two bulk writes (see <see cref="MongoBatchPlan"/>); a batch that needs a promotion
    /// is written one document at a time. A replacement that loses to a racing writer (the _id index) is settled
    /// alone afterwards, as <see cref="UpsertAsync"/> settles it.
    /// </summary>
    public async Task<IReadOnlyList<UpsertResult>> UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count <= 1)
        {
            return documents.Count == 0 ? [] : [await UpsertAsync(documents[0], cancellationToken)];
        }

        await InitializeAsync(cancellationToken);
        var plan = MongoBatchPlan.Make(documents, await BeforeAsync(documents, cancellationToken), Now());
        if (plan.OneByOne)
        {
            var results = new List<UpsertResult>(documents.Count);
            foreach (var document in documents)
            {
                results.Add(await UpsertAsync(document, cancellationToken));
            }

            return results;
        }

        var raced = await BulkWriteAsync(_documents, plan.DocumentWrites, IsRace, cancellationToken);
        await BulkWriteAsync(_duplicates, plan.DuplicateWrites, e => e.Category == ServerErrorCategory.DuplicateKey, cancellationToken);
        foreach (var write in raced)
        {
            var index = plan.DocumentWriteSources[write];
            plan.Results[index] = await UpsertAsync(documents[index], cancellationToken);
        }

        return plan.Results;
    }

    /// <summary>The stored versions of the batch's documents, the holders of its texts and which of its documents have duplicates.</summary>
    private async Task<MongoBatchPlan.Before> BeforeAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var ids = documents.Select(d => d.Id).Distinct().ToList();
        var hashes = documents.Select(d => d.ContentHash).Distinct(StringComparer.Ordinal).ToList();
        var stored = new Dictionary<Guid, (long, string, DateTimeOffset)>();
        foreach (var d in await _documents.Find(StoredIn(ids)).Project(d => new { d.Id, d.Version, d.ContentHash, d.StoredAt }).ToListAsync(cancellationToken))
        {
            stored[d.Id] = (d.Version, d.ContentHash, MongoDocumentMapper.ToDate(d.StoredAt) ?? default);
        }

        var holders = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var d in await _documents.Find(HoldersOf(hashes)).Project(d => new { d.Id, d.ContentHash }).ToListAsync(cancellationToken))
        {
            if (!holders.TryGetValue(d.ContentHash, out var list))
            {
                holders[d.ContentHash] = list = [];
            }

            list.Add(d.Id);
        }

        var haveDuplicates = (await _duplicates.Distinct(d => d.DuplicateOf, DuplicatesOf(ids), cancellationToken: cancellationToken).ToListAsync(cancellationToken)).ToHashSet();
        return new MongoBatchPlan.Before(stored, holders, haveDuplicates);
    }

    /// <summary>
    /// Runs <paramref name="writes"/> in order; a write failing with an error <paramref name="expected"/> accepts is
    /// skipped and the rest go on. Returns the indexes of the skipped writes; any other error is thrown.
    /// </summary>
    private static async Task<List<int>> BulkWriteAsync<T>(
        IMongoCollection<T> collection, List<WriteModel<T>> writes, Func<BulkWriteError, bool> expected, CancellationToken cancellationToken)
    {
        var skipped = new List<int>();
        var from = 0;
        while (from < writes.Count)
        {
            try
            {
                await collection.BulkWriteAsync(writes.Skip(from), OrderedBulk, cancellationToken);
                break;
            }
            catch (MongoBulkWriteException<T> ex) when (ex.WriteErrors.Count == 1 && ex.WriteConcernError is null && expected(ex.WriteErrors[0]))
            {
                // An ordered bulk write stops at its first error: the writes before it are done, the rest go again.
                skipped.Add(from + ex.WriteErrors[0].Index);
                from += ex.WriteErrors[0].Index + 1;
            }
        }

        return skipped;
    }

    private static readonly BulkWriteOptions OrderedBulk = new() { IsOrdered = true };

    /// <summary>The _id exists with this version or a newer one (a racing writer); a duplicate source URI is a real error.</summary>
    private static bool IsRace(BulkWriteError error) =>
        error.Category == ServerErrorCategory.DuplicateKey && !error.Message.Contains("source.uri", StringComparison.Ordinal);

    internal static FilterDefinition<MongoDocumentRecord> StoredIn(IEnumerable<Guid> ids) =>
        Builders<MongoDocumentRecord>.Filter.In(d => d.Id, ids);

    internal static FilterDefinition<MongoDocumentRecord> HoldersOf(IEnumerable<string> hashes) =>
        Builders<MongoDocumentRecord>.Filter.In(d => d.ContentHash, hashes);

    internal static FilterDefinition<MongoDuplicateRecord> DuplicatesOf(IEnumerable<Guid> ids) =>
        Builders<MongoDuplicateRecord>.Filter.In(d => d.DuplicateOf, ids);

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
