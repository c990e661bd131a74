using MongoDB.Bson;
using Pipeline.Mongo.Bson;
using Pipeline.Mongo.Operations;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo;

internal sealed class MongoCollection : IMongoCollection<BsonDocument>
{
    // Limits every MongoDB 6.0+ server reports; a batch is split before it reaches them.
    private const int MaxBsonObjectSize = 16 * 1024 * 1024;
    private const int MaxBatchBytes = 48_000_000 - 16 * 1024;
    private const int MaxWriteBatchSize = 100_000;

    private readonly MongoDatabase _database;
    private readonly OperationExecutor _executor;
    private readonly BsonDocument? _writeConcern;
    private readonly bool _acknowledged;

    public MongoCollection(MongoDatabase database, OperationExecutor executor, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _database = database;
        _executor = executor;
        CollectionName = name;
        _writeConcern = WriteConcernOptions.Build(database.Client.Settings.Url);
        _acknowledged = WriteConcernOptions.IsAcknowledged(database.Client.Settings.Url);
        Indexes = new MongoIndexManager(this, executor);
    }

    public string CollectionName { get; }

    public IMongoDatabase Database => _database;

    public IMongoIndexManager Indexes { get; }

    public async Task InsertOneAsync(BsonDocument document, InsertOneOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureId(document);
        CheckSize(document);
        var reply = await WriteAsync("insert", options?.Comment, ordered: true, new DocumentSequence("documents", [document]), cancellationToken);
        WriteReply.ThrowIfFailed(reply);
    }

    public async Task InsertManyAsync(IEnumerable<BsonDocument> documents, InsertManyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new InsertManyOptions();
        var all = documents.ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("InsertMany needs at least one document.", nameof(documents));
        }

        var errors = new List<WriteError>();
        WriteConcernError? wce = null;
        BsonDocument lastReply = [];
        long inserted = 0;
        var offset = 0;
        foreach (var batch in Batches(all))
        {
            lastReply = await WriteAsync("insert", options.Comment, options.IsOrdered, new DocumentSequence("documents", batch), cancellationToken);
            var batchErrors = WriteReply.WriteErrors(lastReply, offset);
            errors.AddRange(batchErrors);
            inserted += WriteReply.Count(lastReply, "n");
            wce ??= WriteReply.WriteConcern(lastReply);
            offset += batch.Count;
            if (batchErrors.Count > 0 && options.IsOrdered)
            {
                break;
            }
        }

        if (errors.Count > 0 || wce is not null)
        {
            throw new MongoBulkWriteException(errors, wce, inserted, lastReply);
        }
    }

    public async Task<ReplaceOneResult> ReplaceOneAsync(BsonDocument filter, BsonDocument replacement, UpdateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (replacement.ElementCount > 0 && replacement.GetElement(0).Name.StartsWith('$'))
        {
            throw new ArgumentException("A replacement document must not contain update operators.", nameof(replacement));
        }

        CheckSize(replacement);
        var result = await UpdateAsync(filter, replacement, options, multi: false, cancellationToken);
        return new ReplaceOneResult(result.IsAcknowledged, result.MatchedCount, result.ModifiedCount, result.UpsertedId);
    }

    public Task<UpdateResult> UpdateOneAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireOperators(update);
        return UpdateAsync(filter, update, options, multi: false, cancellationToken);
    }

    public Task<UpdateResult> UpdateManyAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireOperators(update);
        return UpdateAsync(filter, update, options, multi: true, cancellationToken);
    }

    public Task<DeleteResult> DeleteOneAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(filter, options, multi: false, cancellationToken);

    public Task<DeleteResult> DeleteManyAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(filter, options, multi: true, cancellationToken);

    public async Task<IAsyncCursor<BsonDocument>> FindAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var command = CommandFactory.Find(CollectionName, filter, options);
        var limit = command.GetValue("limit", 0).ToInt32();
        return await OpenCursorAsync(command, options?.BatchSize is { } b ? Math.Abs(b) : null, limit, options?.Comment, cancellationToken);
    }

    public async Task<BsonDocument?> FindOneAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var command = CommandFactory.Find(CollectionName, filter, options, findOne: true);
        var documents = await (await OpenCursorAsync(command, null, 1, options?.Comment, cancellationToken)).ToListAsync(cancellationToken);
        return documents.Count > 0 ? documents[0] : null;
    }

    public async Task<IAsyncCursor<BsonDocument>> AggregateAsync(IEnumerable<BsonDocument> pipeline, AggregateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var command = CommandFactory.Aggregate(CollectionName, pipeline, options);
        var writes = command["pipeline"].AsBsonArray.LastOrDefault() is BsonDocument last
            && last.ElementCount > 0 && last.GetElement(0).Name is "$out" or "$merge";
        if (writes && _writeConcern is not null)
        {
            command["writeConcern"] = _writeConcern;
        }

        // A pipeline that writes ($out/$merge) is not a retryable read.
        return await OpenCursorAsync(command, options?.BatchSize, 0, options?.Comment, cancellationToken, retryable: !writes);
    }

    public async Task<long> CountDocumentsAsync(BsonDocument filter, CountOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var command = CommandFactory.CountDocuments(CollectionName, filter, options);
        var results = await (await OpenCursorAsync(command, null, 0, options?.Comment, cancellationToken)).ToListAsync(cancellationToken);

        // An empty collection gives no group at all, which means 0.
        return results.Count > 0 && results[0].TryGetValue("n", out var n) && n.IsNumeric ? n.ToInt64() : 0;
    }

    public async Task<long> EstimatedDocumentCountAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _executor.ExecuteCommandAsync(_database.DatabaseName, new BsonDocument("count", CollectionName), retryable: true, cancellationToken);
        return reply.GetValue("n", 0).ToInt64();
    }

    internal async Task<IAsyncCursor<BsonDocument>> OpenCursorAsync(BsonDocument command, int? batchSize, int limit, BsonValue? comment, CancellationToken cancellationToken, bool retryable = true)
    {
        var (reply, server, session) = await _executor.ExecuteReadAsync(_database.DatabaseName, command, retryable, cancellationToken);
        return new AsyncCursor(_executor, server, session, _database.DatabaseName, reply, batchSize, limit, comment);
    }

    private async Task<UpdateResult> UpdateAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options, bool multi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statement = CommandFactory.UpdateStatement(filter, update, options, multi);
        var reply = await WriteAsync("update", options?.Comment, ordered: true, new DocumentSequence("updates", [statement]), cancellationToken, retryable: !multi);
        WriteReply.ThrowIfFailed(reply);
        BsonValue? upsertedId = reply.TryGetValue("upserted", out var u) && u.IsBsonArray && u.AsBsonArray.Count > 0
            ? u.AsBsonArray[0].AsBsonDocument.GetValue("_id", BsonNull.Value)
            : null;
        var n = WriteReply.Count(reply, "n");
        return new UpdateResult(_acknowledged, upsertedId is null ? n : n - 1, WriteReply.Count(reply, "nModified"), upsertedId);
    }

    private async Task<DeleteResult> DeleteAsync(BsonDocument filter, DeleteOptions? options, bool multi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statement = CommandFactory.DeleteStatement(filter, options, multi);
        var reply = await WriteAsync("delete", options?.Comment, ordered: true, new DocumentSequence("deletes", [statement]), cancellationToken, retryable: !multi);
        WriteReply.ThrowIfFailed(reply);
        return new DeleteResult(_acknowledged, WriteReply.Count(reply, "n"));
    }

    private Task<BsonDocument> WriteAsync(string name, BsonValue? comment, bool ordered, DocumentSequence sequence, CancellationToken cancellationToken, bool retryable = true)
    {
        var command = CommandFactory.WriteCommand(name, CollectionName, ordered, comment, _writeConcern);
        return _executor.ExecuteWriteAsync(_database.DatabaseName, command, sequence, retryable, _acknowledged, cancellationToken);
    }

    private static IEnumerable<List<BsonDocument>> Batches(List<BsonDocument> documents)
    {
        var batch = new List<BsonDocument>();
        var bytes = 0;
        foreach (var document in documents)
        {
            EnsureId(document);
            var size = CheckSize(document);
            if (batch.Count > 0 && (batch.Count == MaxWriteBatchSize || bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(document);
            bytes += size;
        }

        yield return batch;
    }

    private static void EnsureId(BsonDocument document)
    {
        if (!document.Contains("_id"))
        {
            document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
        }
    }

    private static int CheckSize(BsonDocument document)
    {
        var size = BsonIo.ToBytes(document).Length;
        if (size > MaxBsonObjectSize)
        {
            throw new MongoClientException($"The document is {size} bytes; MongoDB stores at most {MaxBsonObjectSize}.");
        }

        return size;
    }

    private static void RequireOperators(BsonDocument update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.ElementCount == 0 || !update.GetElement(0).Name.StartsWith('$'))
        {
            throw new ArgumentException("An update document must use update operators such as $set.", nameof(update));
        }
    }
}
