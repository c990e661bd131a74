using MongoDB.Bson;
using Pipeline.Mongo;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    public async Task SaveCrawlAsync(CrawlDefinition crawl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        await InitializeAsync(cancellationToken);
        await _crawls.ReplaceOneAsync(new BsonDocument("_id", crawl.Name), MongoCrawlMapper.ToBson(crawl), new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<CrawlDefinition?> GetCrawlAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await InitializeAsync(cancellationToken);
        var document = await _crawls.FindOneAsync(new BsonDocument("_id", name), null, cancellationToken);
        return document is null ? null : MongoCrawlMapper.CrawlFromBson(document);
    }

    public async Task<IReadOnlyList<CrawlDefinition>> ListCrawlsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var documents = await (await _crawls.FindAsync([], new FindOptions { Sort = new BsonDocument("_id", 1) }, cancellationToken)).ToListAsync(cancellationToken);
        return documents.Select(MongoCrawlMapper.CrawlFromBson).ToList();
    }

    public async Task<bool> DeleteCrawlAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await InitializeAsync(cancellationToken);
        var result = await _crawls.DeleteOneAsync(new BsonDocument("_id", name), null, cancellationToken);
        await _fetchState.DeleteManyAsync(new BsonDocument("crawlName", name), null, cancellationToken);
        return result.DeletedCount > 0;
    }

    public async Task<FetchState?> GetFetchStateAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        await InitializeAsync(cancellationToken);
        var document = await _fetchState.FindOneAsync(new BsonDocument("_id", url), null, cancellationToken);
        return document is null ? null : MongoCrawlMapper.FetchStateFromBson(document);
    }

    public async Task SaveFetchStateAsync(FetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await InitializeAsync(cancellationToken);
        await _fetchState.ReplaceOneAsync(new BsonDocument("_id", state.Url), MongoCrawlMapper.ToBson(state), new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<FetchState>> ListDueAsync(string crawlName, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawlName);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await InitializeAsync(cancellationToken);
        var documents = await (await _fetchState.FindAsync(DueFilter(crawlName, now), new FindOptions { Sort = new BsonDocument { { "nextDueAt", 1 }, { "_id", 1 } }, Limit = limit }, cancellationToken)).ToListAsync(cancellationToken);
        return documents.Select(MongoCrawlMapper.FetchStateFromBson).ToList();
    }

    /// <summary>Not parked, and never scheduled or due by <paramref name="now"/> (null sorts first, like "due now").</summary>
    internal static BsonDocument DueFilter(string crawlName, DateTimeOffset now) => new()
    {
        { "crawlName", crawlName },
        { "parked", false },
        { "$or", new BsonArray { new BsonDocument("nextDueAt", BsonNull.Value), new BsonDocument("nextDueAt", new BsonDocument("$lte", MongoDocumentMapper.Date(now))) } },
    };
}
