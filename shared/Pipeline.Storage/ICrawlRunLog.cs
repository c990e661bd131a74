namespace Pipeline.Storage;

/// <summary>The last run of each crawl. Implemented by the SQLite store (the MongoDB side follows its driver move).</summary>
public interface ICrawlRunLog
{
    /// <summary>Records a run, replacing the crawl's previous record.</summary>
    Task SaveRunAsync(CrawlRunRecord run, CancellationToken cancellationToken);

    /// <summary>The last run of every crawl that has run, by name.</summary>
    Task<IReadOnlyList<CrawlRunRecord>> ListLastRunsAsync(CancellationToken cancellationToken);
}
