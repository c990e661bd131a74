namespace Pipeline.Storage;

/// <summary>Crawl definitions and per-URL fetch state, kept beside the documents.</summary>
public interface ICrawlStateStore
{
    Task SaveCrawlAsync(CrawlDefinition crawl, CancellationToken cancellationToken);

    Task<CrawlDefinition?> GetCrawlAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<CrawlDefinition>> ListCrawlsAsync(CancellationToken cancellationToken);

    Task<bool> DeleteCrawlAsync(string name, CancellationToken cancellationToken);

    Task<FetchState?> GetFetchStateAsync(string url, CancellationToken cancellationToken);

    Task SaveFetchStateAsync(FetchState state, CancellationToken cancellationToken);

    /// <summary>URLs of a crawl that are due at <paramref name="now"/> and not parked, oldest due first.</summary>
    Task<IReadOnlyList<FetchState>> ListDueAsync(string crawlName, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
