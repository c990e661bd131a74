using MongoDB.Bson;
using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// The production store on the official MongoDB driver. Upserts are guarded by a version filter with upsert, so an
/// older version can never overwrite a newer one even when two writers race (the loser hits the _id unique index).
/// Construct once per process: <c>new MongoDocumentStore(new MongoClient(cs), options)</c> or <see cref="Create"/>.
/// </summary>
public sealed partial class MongoDocumentStore : IDocumentStore, ICrawlStateStore, ISiteTemplateStore, IDisposable
{
    private readonly IMongoClient _client;
    private readonly bool _ownsClient;
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<MongoDocumentRecord> _documents;
    private readonly IMongoCollection<MongoDuplicateRecord> _duplicates;
    private readonly IMongoCollection<MongoCrawlRecord> _crawls;
    private readonly IMongoCollection<MongoFetchStateRecord> _fetchState;
    private readonly IMongoCollection<MongoOutcomeRecord> _outcomes;
    private readonly IMongoCollection<MongoCrawlRunRecord> _crawlRuns;
    private readonly IMongoCollection<MongoTemplateSiteRecord> _templateSites;
    private readonly IMongoCollection<MongoTemplateLineRecord> _templateLines;
    private readonly IMongoCollection<MongoTemplateDocumentRecord> _templateDocuments;
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
        _database = client.GetDatabase(options.Database);
        _documents = _database.GetCollection<MongoDocumentRecord>(options.Collection);
        _duplicates = _database.GetCollection<MongoDuplicateRecord>(options.Collection + ".duplicates");
        _crawls = _database.GetCollection<MongoCrawlRecord>(options.Collection + ".crawls");
        _fetchState = _database.GetCollection<MongoFetchStateRecord>(options.Collection + ".fetchState");
        _outcomes = _database.GetCollection<MongoOutcomeRecord>(options.Collection + ".outcomes");
        _crawlRuns = _database.GetCollection<MongoCrawlRunRecord>(options.Collection + ".crawlRuns");
        _templateSites = _database.GetCollection<MongoTemplateSiteRecord>(options.Collection + ".templateSites");
        _templateLines = _database.GetCollection<MongoTemplateLineRecord>(options.Collection + ".templateLines");
        _templateDocuments = _database.GetCollection<MongoTemplateDocumentRecord>(options.Collection + ".templateDocuments");
    }

    /// <summary>A store with its own client, disposed with the store (the usual registration in hosting).</summary>
    /// <exception cref="ArgumentException">The connection string is not a valid <c>mongodb://</c> or <c>mongodb+srv://</c> URL.</exception>
    public static MongoDocumentStore Create(MongoStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MongoDocumentStore(new MongoClient(MongoConnection.Settings(options)), options, null, ownsClient: true);
    }

    /// <summary>The index definitions created at start (also what the tests compare against).</summary>
    internal static IReadOnlyList<CreateIndexModel<MongoDocumentRecord>> DocumentIndexes { get; } =
    [
        // language_override points at a field we never write: the stored "language" (e.g. "en", "xx") must not
        // pick the stemmer, or an unsupported code would make the insert fail.
        new(Builders<MongoDocumentRecord>.IndexKeys.Text(d => d.Title).Text(d => d.Text), new CreateIndexOptions
        {
            Name = "text_title_text",
            DefaultLanguage = "english",
            LanguageOverride = "textSearchLanguage",
            Weights = new BsonDocument { { "title", 3 }, { "text", 1 } },
        }),
        new(Builders<MongoDocumentRecord>.IndexKeys.Ascending(d => d.EntityKeys)),
        new(Builders<MongoDocumentRecord>.IndexKeys.Ascending(d => d.Source.Uri), new CreateIndexOptions { Unique = true }),
        new(Builders<MongoDocumentRecord>.IndexKeys.Descending(d => d.Published)),
        new(Builders<MongoDocumentRecord>.IndexKeys.Ascending(d => d.ContentHash)),
        new(Builders<MongoDocumentRecord>.IndexKeys.Descending(d => d.StoredAt)),
    ];

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

            await MongoConnection.GuardAsync(_client, async () =>
            {
                await _documents.Indexes.CreateManyAsync(DocumentIndexes, cancellationToken);
                await _duplicates.Indexes.CreateOneAsync(new CreateIndexModel<MongoDuplicateRecord>(Builders<MongoDuplicateRecord>.IndexKeys.Ascending(d => d.DuplicateOf)), cancellationToken: cancellationToken);
                await _fetchState.Indexes.CreateOneAsync(new CreateIndexModel<MongoFetchStateRecord>(Builders<MongoFetchStateRecord>.IndexKeys.Ascending(s => s.CrawlName).Ascending(s => s.NextDueAt)), cancellationToken: cancellationToken);
                await _outcomes.Indexes.CreateOneAsync(new CreateIndexModel<MongoOutcomeRecord>(Builders<MongoOutcomeRecord>.IndexKeys.Ascending(o => o.RecordedAt)), cancellationToken: cancellationToken);
                await _templateLines.Indexes.CreateOneAsync(TemplateLineIndex, cancellationToken: cancellationToken);
                await _templateDocuments.Indexes.CreateOneAsync(TemplateDocumentIndex, cancellationToken: cancellationToken);
            });
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        MongoConnection.GuardAsync(_client, () => _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken));

    public async Task<StoredDocument?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var record = await _documents.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : MongoDocumentMapper.FromRecord(record);
    }

    public async Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await InitializeAsync(cancellationToken);
        return await _documents.CountDocumentsAsync(MongoFilters.For(query, TextQuery.Parse(query.Text)), cancellationToken: cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await PromoteDuplicateOfAsync(id, Now(), cancellationToken);
        var result = await _documents.DeleteOneAsync(d => d.Id == id, cancellationToken);
        await _duplicates.DeleteManyAsync(d => d.Id == id || d.DuplicateOf == id, cancellationToken);
        return result.DeletedCount > 0;
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var documents = await _documents.EstimatedDocumentCountAsync(cancellationToken: cancellationToken);
        var duplicates = await _duplicates.EstimatedDocumentCountAsync(cancellationToken: cancellationToken);
        var byKind = await GroupCountAsync(KindCountPipeline(), cancellationToken);
        var byHost = await GroupCountAsync(HostCountPipeline(), cancellationToken);
        var newest = await _documents.Find(FilterDefinition<MongoDocumentRecord>.Empty)
            .Sort(Builders<MongoDocumentRecord>.Sort.Descending(d => d.StoredAt))
            .Project(d => (DateTime?)d.StoredAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new StoreStatistics(documents, duplicates, byKind, byHost, MongoDocumentMapper.ToDate(newest));
    }

    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> KindCountPipeline() =>
        new EmptyPipelineDefinition<MongoDocumentRecord>()
            .AppendStage<MongoDocumentRecord, MongoDocumentRecord, BsonDocument>(new BsonDocument("$group", new BsonDocument { { "_id", "$source.kind" }, { "n", new BsonDocument("$sum", 1) } }));

    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> HostCountPipeline() =>
        new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(Builders<MongoDocumentRecord>.Filter.Regex(d => d.Source.Uri, new BsonRegularExpression("^https?://")))
            .AppendStage<MongoDocumentRecord, MongoDocumentRecord, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$first", new BsonDocument("$getField", new BsonDocument { { "field", "captures" }, { "input", new BsonDocument("$regexFind", new BsonDocument { { "input", "$source.uri" }, { "regex", "^[a-z]+://([^/:?#]+)" } }) } })) },
                { "n", new BsonDocument("$sum", 1) },
            }))
            .Sort(new BsonDocument { { "n", -1 }, { "_id", 1 } })
            .Limit(50);

    private async Task<Dictionary<string, long>> GroupCountAsync(PipelineDefinition<MongoDocumentRecord, BsonDocument> pipeline, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in await (await _documents.AggregateAsync(pipeline, cancellationToken: cancellationToken)).ToListAsync(cancellationToken))
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

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        _initLock.Dispose();
    }
}
