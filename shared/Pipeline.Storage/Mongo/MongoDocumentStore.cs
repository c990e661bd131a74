using MongoDB.Bson;
using Pipeline.Mongo;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// The production store over Pipeline.Mongo. Upserts are guarded by a version filter with upsert, so an older
/// version can never overwrite a newer one even when two writers race (the loser hits the _id unique index).
/// Construct once per process: <c>new MongoDocumentStore(new MongoClient(cs), options)</c> or <see cref="Create"/>.
/// </summary>
public sealed partial class MongoDocumentStore : IDocumentStore, ICrawlStateStore, IAsyncDisposable
{
    private readonly IMongoClient _client;
    private readonly bool _ownsClient;
    private readonly IMongoCollection<BsonDocument> _documents;
    private readonly IMongoCollection<BsonDocument> _duplicates;
    private readonly IMongoCollection<BsonDocument> _crawls;
    private readonly IMongoCollection<BsonDocument> _fetchState;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private bool _initialized;

    public MongoDocumentStore(IMongoClient client, MongoStoreOptions options, TimeProvider? time = null)
        : this(client, options, time, ownsClient: false)
    {
    }

    private MongoDocumentStore(IMongoClient client, MongoStoreOptions options, TimeProvider? time, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _ownsClient = ownsClient;
        _time = time ?? TimeProvider.System;
        var database = client.GetDatabase(options.Database);
        _documents = database.GetCollection<BsonDocument>(options.Collection);
        _duplicates = database.GetCollection<BsonDocument>(options.Collection + ".duplicates");
        _crawls = database.GetCollection<BsonDocument>(options.Collection + ".crawls");
        _fetchState = database.GetCollection<BsonDocument>(options.Collection + ".fetchState");
    }

    /// <summary>A store with its own client, disposed with the store (the usual registration in hosting).</summary>
    public static MongoDocumentStore Create(MongoStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MongoDocumentStore(new MongoClient(options.ConnectionString), options, null, ownsClient: true);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            await _documents.Indexes.CreateManyAsync(
            [
                // language_override points at a field we never write: the stored "language" (e.g. "en", "xx") must not
                // pick the stemmer, or an unsupported code would make the insert fail.
                new CreateIndexModel(new BsonDocument { { "title", "text" }, { "text", "text" } }, new CreateIndexOptions
                {
                    Name = "text_title_text",
                    DefaultLanguage = "english",
                    LanguageOverride = "textSearchLanguage",
                    Weights = new BsonDocument { { "title", 3 }, { "text", 1 } },
                }),
                new CreateIndexModel(new BsonDocument("entityKeys", 1)),
                new CreateIndexModel(new BsonDocument("source.uri", 1), new CreateIndexOptions { Unique = true }),
                new CreateIndexModel(new BsonDocument("published", -1)),
                new CreateIndexModel(new BsonDocument("contentHash", 1)),
                new CreateIndexModel(new BsonDocument("storedAt", -1)),
            ], cancellationToken);
            await _duplicates.Indexes.CreateManyAsync([new CreateIndexModel(new BsonDocument("duplicateOf", 1))], cancellationToken);
            await _fetchState.Indexes.CreateManyAsync([new CreateIndexModel(new BsonDocument { { "crawlName", 1 }, { "nextDueAt", 1 } })], cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    public async Task<StoredDocument?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var document = await _documents.FindOneAsync(new BsonDocument("_id", MongoDocumentMapper.Id(id)), null, cancellationToken);
        return document is null ? null : MongoDocumentMapper.FromBson(document);
    }

    public async Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await InitializeAsync(cancellationToken);
        return await _documents.CountDocumentsAsync(MongoFilters.For(query, TextQuery.Parse(query.Text)), null, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var bsonId = MongoDocumentMapper.Id(id);
        var result = await _documents.DeleteOneAsync(new BsonDocument("_id", bsonId), null, cancellationToken);
        await _duplicates.DeleteManyAsync(new BsonDocument("$or", new BsonArray { new BsonDocument("_id", bsonId), new BsonDocument("duplicateOf", bsonId) }), null, cancellationToken);
        return result.DeletedCount > 0;
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var documents = await _documents.CountDocumentsAsync([], null, cancellationToken);
        var duplicates = await _duplicates.CountDocumentsAsync([], null, cancellationToken);
        var byKind = await GroupCountAsync([new BsonDocument("$group", new BsonDocument { { "_id", "$source.kind" }, { "n", new BsonDocument("$sum", 1) } })], cancellationToken);
        var byHost = await GroupCountAsync(
        [
            new BsonDocument("$match", new BsonDocument("source.uri", new BsonRegularExpression("^https?://"))),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$first", new BsonDocument("$getField", new BsonDocument { { "field", "captures" }, { "input", new BsonDocument("$regexFind", new BsonDocument { { "input", "$source.uri" }, { "regex", "^[a-z]+://([^/:?#]+)" } }) } })) },
                { "n", new BsonDocument("$sum", 1) },
            }),
            new BsonDocument("$sort", new BsonDocument { { "n", -1 }, { "_id", 1 } }),
            new BsonDocument("$limit", 50),
        ], cancellationToken);
        var newest = await _documents.FindOneAsync([], new FindOptions { Sort = new BsonDocument("storedAt", -1), Projection = new BsonDocument("storedAt", 1) }, cancellationToken);
        return new StoreStatistics(documents, duplicates, byKind, byHost, MongoDocumentMapper.ToDate(newest?["storedAt"]));
    }

    private async Task<Dictionary<string, long>> GroupCountAsync(BsonDocument[] pipeline, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in await (await _documents.AggregateAsync(pipeline, null, cancellationToken)).ToListAsync(cancellationToken))
        {
            if (row["_id"].IsString)
            {
                result[row["_id"].AsString] = row["n"].ToInt64();
            }
        }

        return result;
    }

    // Millisecond precision: what a BSON date holds, so the value returned equals the value read back.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    public async ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            await _client.DisposeAsync();
        }

        _initLock.Dispose();
    }
}
