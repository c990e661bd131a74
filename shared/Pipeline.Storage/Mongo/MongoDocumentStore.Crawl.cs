using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    private static readonly ReplaceOptions UpsertState = new() { IsUpsert = true };

    public async Task SaveCrawlAsync(CrawlDefinition crawl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        await InitializeAsync(cancellationToken);
        await _crawls.ReplaceOneAsync(c => c.Name == crawl.Name, MongoCrawlMapper.ToRecord(crawl), UpsertState, cancellationToken);
    }

    public async Task<CrawlDefinition?> GetCrawlAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await InitializeAsync(cancellationToken);
        var record = await _crawls.Find(c => c.Name == name).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : MongoCrawlMapper.FromRecord(record);
    }

    public async Task<IReadOnlyList<CrawlDefinition>> ListCrawlsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var records = await _crawls.Find(FilterDefinition<MongoCrawlRecord>.Empty).SortBy(c => c.Name).ToListAsync(cancellationToken);
        return records.Select(MongoCrawlMapper.FromRecord).ToList();
    }

    public async Task<bool> DeleteCrawlAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await InitializeAsync(cancellationToken);
        var result = await _crawls.DeleteOneAsync(c => c.Name == name, cancellationToken);
        await _fetchState.DeleteManyAsync(s => s.CrawlName == name, cancellationToken);
        return result.DeletedCount > 0;
    }

    public async Task<FetchState?> GetFetchStateAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        await InitializeAsync(cancellationToken);
        var record = await _fetchState.Find(s => s.Url == url).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : MongoCrawlMapper.FromRecord(record);
    }

    public async Task SaveFetchStateAsync(FetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await InitializeAsync(cancellationToken);
        await _fetchState.ReplaceOneAsync(s => s.Url == state.Url, MongoCrawlMapper.ToRecord(state), UpsertState, cancellationToken);
    }

    public async Task<IReadOnlyList<FetchState>> ListDueAsync(string crawlName, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawlName);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await InitializeAsync(cancellationToken);
        var records = await _fetchState.Find(DueFilter(crawlName, now)).Sort(DueOrder).Limit(limit).ToListAsync(cancellationToken);
        return records.Select(MongoCrawlMapper.FromRecord).ToList();
    }

    internal static SortDefinition<MongoFetchStateRecord> DueOrder { get; } =
        Builders<MongoFetchStateRecord>.Sort.Ascending(s => s.NextDueAt).Ascending(s => s.Url);

    /// <summary>Not parked, and never scheduled or due by <paramref name="now"/> (null sorts first, like "due now").</summary>
    internal static FilterDefinition<MongoFetchStateRecord> DueFilter(string crawlName, DateTimeOffset now)
    {
        var f = Builders<MongoFetchStateRecord>.Filter;
        return f.Eq(s => s.CrawlName, crawlName)
            & f.Eq(s => s.Parked, false)
            & (f.Eq(s => s.NextDueAt, null) | f.Lte(s => s.NextDueAt, now.UtcDateTime));
    }
}
