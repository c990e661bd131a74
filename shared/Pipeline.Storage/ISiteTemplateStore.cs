namespace Pipeline.Storage;

/// <summary>
/// What the cleaner learns of each site's template: per site, how many documents it has counted and, per hashed
/// line, in how many of them the line appeared. Updates are atomic increments, so several cleaners share one store.
/// </summary>
public interface ISiteTemplateStore
{
    /// <summary>The documents counted for <paramref name="site"/> and the counts of those of <paramref name="lineHashes"/> it has seen.</summary>
    Task<SiteLineCounts> GetSiteLinesAsync(string site, IReadOnlyCollection<long> lineHashes, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one document of <paramref name="site"/>: the site's documents and each of <paramref name="lineHashes"/>
    /// (distinct) go up by one. A document already counted for the site (by <paramref name="documentKey"/>, e.g. a
    /// re-fetch or a redelivery) is not counted again: returns false. Every <see cref="SiteTemplateLimits.PruneEvery"/>
    /// documents, the site's lines and document keys are trimmed to <paramref name="limits"/>.
    /// </summary>
    Task<bool> RecordSiteDocumentAsync(string site, long documentKey, IReadOnlyCollection<long> lineHashes, SiteTemplateLimits limits, DateTimeOffset now, CancellationToken cancellationToken);
}
