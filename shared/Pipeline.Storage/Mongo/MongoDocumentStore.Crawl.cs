using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Pipeline.Mongo;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    private static readonly JsonWriterSettings PlainJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public async Task SaveCrawlAsync(CrawlDefinition crawl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        await InitializeAsync(cancellationToken);
        var state = BsonDocument.Parse(JsonSerializer.Serialize(crawl, StorageJson.Default.CrawlDefinition));
        await _crawls.ReplaceOneAsync(new BsonDocument("_id", crawl.Name), new BsonDocument { { "_id", crawl.Name }, { "definition", state } }, new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<CrawlDefinition?> GetCrawlAsync(string name, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var document = await _crawls.FindOneAsync(new BsonDocument("_id", name), null, cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize(document["definition"].AsBsonDocument.ToJson(PlainJson), StorageJson.Default.CrawlDefinition);
    }

    public async Task<IReadOnlyList<CrawlDefinition>> ListCrawlsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var documents = await (await _crawls.FindAsync([], new FindOptions { Sort = new BsonDocument("_id", 1) }, cancellationToken)).ToListAsync(cancellationToken);
        return documents.Select(d => JsonSerializer.Deserialize(d["definition"].AsBsonDocument.ToJson(PlainJson), StorageJson.Default.CrawlDefinition)!).ToList();
    }

    public async Task<bool> DeleteCrawlAsync(string name, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var result = await _crawls.DeleteOneAsync(new BsonDocument("_id", name), null, cancellationToken);
        await _fetchState.DeleteManyAsync(new BsonDocument("crawlName", name), null, cancellationToken);
        return result.DeletedCount > 0;
    }

    public async Task<FetchState?> GetFetchStateAsync(string url, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var document = await _fetchState.FindOneAsync(new BsonDocument("_id", url), null, cancellationToken);
        return document is null ? null : ReadState(document);
    }

    public async Task SaveFetchStateAsync(FetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await InitializeAsync(cancellationToken);
        var document = new BsonDocument
        {
            { "_id", state.Url },
            { "crawlName", state.CrawlName },
            { "parked", state.Parked },
            { "nextDueAt", MongoDocumentMapper.Date(state.NextDueAt) },
            { "state", BsonDocument.Parse(JsonSerializer.Serialize(state, StorageJson.Default.FetchState)) },
        };
        await _fetchState.ReplaceOneAsync(new BsonDocument("_id", state.Url), document, new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<FetchState>> ListDueAsync(string crawlName, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var filter = new BsonDocument
        {
            { "crawlName", crawlName },
            { "parked", false },
            { "$or", new BsonArray { new BsonDocument("nextDueAt", BsonNull.Value), new BsonDocument("nextDueAt", new BsonDocument("$lte", MongoDocumentMapper.Date(now))) } },
        };
        var options = new FindOptions { Sort = new BsonDocument { { "nextDueAt", 1 }, { "_id", 1 } }, Limit = limit };
        var documents = await (await _fetchState.FindAsync(filter, options, cancellationToken)).ToListAsync(cancellationToken);
        return documents.Select(ReadState).ToList();
    }

    private static FetchState ReadState(BsonDocument document) =>
        JsonSerializer.Deserialize(document["state"].AsBsonDocument.ToJson(PlainJson), StorageJson.Default.FetchState)!;
}
