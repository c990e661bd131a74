using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Cleaning;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Cleaner;

/// <summary>
/// Removes from a cleaned document what its site repeats (kind <c>template</c>), then counts the document's lines for
/// its site in the store, so the template is shared by every cleaner and survives restarts. A store that cannot be
/// reached costs only the template: the document goes on cleaned as without it.
/// </summary>
public sealed class SiteTemplateFilter(ISiteTemplateStore store, IOptions<SiteTemplateSettings> options, TimeProvider clock, ILogger<SiteTemplateFilter> log)
{
    private readonly SiteTemplateSettings settings = options.Value;
    private readonly SiteTemplateLearner learner = new(options.Value.MinDocuments, options.Value.MinShare);
    private readonly SiteTemplateLimits limits = new()
    {
        MaxLinesPerSite = options.Value.MaxLinesPerSite,
        MaxDocumentsPerSite = options.Value.MaxDocumentsPerSite,
        MaxAge = TimeSpan.FromDays(options.Value.MaxAgeDays),
    };

    public async Task<CleaningResult> ApplyAsync(Guid documentId, DocumentSource source, CleaningResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        if (!settings.Enabled)
        {
            return result;
        }

        var site = SiteKeys.For(source);
        var hashes = SiteTemplateLearner.LineHashes(result.Text);
        if (hashes.Count == 0)
        {
            return result;
        }

        try
        {
            var counts = await store.GetSiteLinesAsync(site, hashes, cancellationToken);
            var cleaned = counts.Documents < learner.MinDocuments
                ? result
                : SiteTemplateLearner.Apply(result, h => counts.Lines.TryGetValue(h, out var line) && learner.IsTemplate(counts.Documents, line.Count, line.FirstSeen));
            await store.RecordSiteDocumentAsync(site, SiteKeys.DocumentKey(documentId), hashes, limits, clock.GetUtcNow(), cancellationToken);
            return cleaned;
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            log.LogWarning("Site template of {Site} unavailable, {DocumentId} cleaned without it: {Error}", site, documentId, ex.Message);
            return result;
        }
    }
}
