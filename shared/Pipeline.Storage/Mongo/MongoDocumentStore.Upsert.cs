using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Mongo;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    public async Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await InitializeAsync(cancellationToken);
        var id = MongoDocumentMapper.Id(document.Id);
        var existing = await _documents.FindOneAsync(new BsonDocument("_id", id), new FindOptions { Projection = new BsonDocument { { "version", 1 }, { "storedAt", 1 } } }, cancellationToken);
        if (existing is not null && existing["version"].ToInt64() >= document.Version)
        {
            return new UpsertResult(StoreOutcome.Unchanged, null, MongoDocumentMapper.ToDate(existing["storedAt"]) ?? default);
        }

        var now = Now();
        var original = await _documents.FindOneAsync(
            new BsonDocument { { "contentHash", document.ContentHash }, { "_id", new BsonDocument("$ne", id) } },
            new FindOptions { Projection = new BsonDocument("_id", 1) },
            cancellationToken);
        if (original is not null)
        {
            var of = MongoDocumentMapper.ToGuid(original["_id"]);
            try
            {
                await _duplicates.ReplaceOneAsync(
                    new BsonDocument { { "_id", id }, { "version", new BsonDocument("$lte", document.Version) } },
                    new BsonDocument
                    {
                        { "_id", id },
                        { "source", new BsonDocument { { "kind", document.Source.Kind }, { "uri", document.Source.Uri }, { "name", document.Source.Name } } },
                        { "duplicateOf", MongoDocumentMapper.Id(of) },
                        { "contentHash", document.ContentHash },
                        { "version", document.Version },
                        { "recordedAt", MongoDocumentMapper.Date(now) },
                    },
                    new UpdateOptions { IsUpsert = true },
                    cancellationToken);
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // A newer version of this duplicate is already recorded.
            }

            return new UpsertResult(StoreOutcome.Duplicate, of, now);
        }

        var replacement = MongoDocumentMapper.ToBson(document, now);
        var filter = new BsonDocument { { "_id", id }, { "version", new BsonDocument("$lt", document.Version) } };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _documents.ReplaceOneAsync(filter, replacement, new UpdateOptions { IsUpsert = true }, cancellationToken);
                break;
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey && !ex.WriteError.Message.Contains("source.uri", StringComparison.Ordinal))
            {
                // The _id exists with this version or a newer one (possibly written by a racing writer just now);
                // one more attempt covers a racer that inserted an older version between our two steps.
                if (attempt == 1)
                {
                    var current = await _documents.FindOneAsync(new BsonDocument("_id", id), new FindOptions { Projection = new BsonDocument("storedAt", 1) }, cancellationToken);
                    return new UpsertResult(StoreOutcome.Unchanged, null, MongoDocumentMapper.ToDate(current?["storedAt"]) ?? now);
                }
            }
        }

        await _duplicates.DeleteOneAsync(new BsonDocument("_id", id), null, cancellationToken);
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
}
