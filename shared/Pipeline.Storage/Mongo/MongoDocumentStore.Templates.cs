using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Site templates: every change is an atomic upsert or increment on a unique key (site and hash, site and document),
/// so cleaners counting the same site at once never lose a count (the server retries an upsert that loses an insert race).
/// </summary>
public sealed partial class MongoDocumentStore
{
    private static readonly UpdateOptions UpsertTemplate = new() { IsUpsert = true };

    internal static CreateIndexModel<MongoTemplateLineRecord> TemplateLineIndex { get; } =
        new(Builders<MongoTemplateLineRecord>.IndexKeys.Ascending(l => l.Site).Ascending(l => l.Hash), new CreateIndexOptions { Unique = true });

    internal static CreateIndexModel<MongoTemplateDocumentRecord> TemplateDocumentIndex { get; } =
        new(Builders<MongoTemplateDocumentRecord>.IndexKeys.Ascending(d => d.Site).Ascending(d => d.Document), new CreateIndexOptions { Unique = true });

    public async Task<SiteLineCounts> GetSiteLinesAsync(string site, IReadOnlyCollection<long> lineHashes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(lineHashes);
        await InitializeAsync(cancellationToken);
        var record = await _templateSites.Find(s => s.Site == site).FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return SiteLineCounts.Empty;
        }

        var lines = new Dictionary<long, SiteLineCount>();
        if (lineHashes.Count > 0)
        {
            foreach (var line in await _templateLines.Find(LinesFilter(site, lineHashes)).ToListAsync(cancellationToken))
            {
                lines[line.Hash] = new SiteLineCount(line.Count, line.FirstSeen);
            }
        }

        return new SiteLineCounts(record.Documents, lines);
    }

    public async Task<bool> RecordSiteDocumentAsync(
        string site, long documentKey, IReadOnlyCollection<long> lineHashes, SiteTemplateLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(lineHashes);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        await InitializeAsync(cancellationToken);
        var at = now.UtcDateTime;
        var d = Builders<MongoTemplateDocumentRecord>.Filter;
        var counted = await _templateDocuments.UpdateOneAsync(
            d.Eq(r => r.Site, site) & d.Eq(r => r.Document, documentKey),
            Builders<MongoTemplateDocumentRecord>.Update.SetOnInsert(r => r.SeenAt, at),
            UpsertTemplate,
            cancellationToken);
        if (counted.UpsertedId is null)
        {
            return false;
        }

        var number = (await _templateSites.FindOneAndUpdateAsync(
            Builders<MongoTemplateSiteRecord>.Filter.Eq(s => s.Site, site),
            SiteIncrement(at),
            new FindOneAndUpdateOptions<MongoTemplateSiteRecord> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken)).Documents;
        var writes = lineHashes.Distinct().Select(hash => new UpdateOneModel<MongoTemplateLineRecord>(LineFilter(site, hash), LineIncrement(number, at)) { IsUpsert = true }).ToList();
        if (writes.Count > 0)
        {
            await _templateLines.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }

        if (number % limits.PruneEvery == 0)
        {
            await PruneSiteAsync(site, limits, at - limits.MaxAge, cancellationToken);
        }

        return true;
    }

    internal static FilterDefinition<MongoTemplateLineRecord> LinesFilter(string site, IEnumerable<long> hashes)
    {
        var f = Builders<MongoTemplateLineRecord>.Filter;
        return f.Eq(l => l.Site, site) & f.In(l => l.Hash, hashes);
    }

    internal static FilterDefinition<MongoTemplateLineRecord> LineFilter(string site, long hash)
    {
        var f = Builders<MongoTemplateLineRecord>.Filter;
        return f.Eq(l => l.Site, site) & f.Eq(l => l.Hash, hash);
    }

    internal static UpdateDefinition<MongoTemplateLineRecord> LineIncrement(long documentNumber, DateTime at)
    {
        var u = Builders<MongoTemplateLineRecord>.Update;
        return u.Inc(l => l.Count, 1L).SetOnInsert(l => l.FirstSeen, documentNumber).Max(l => l.LastSeen, at);
    }

    internal static UpdateDefinition<MongoTemplateSiteRecord> SiteIncrement(DateTime at)
    {
        var u = Builders<MongoTemplateSiteRecord>.Update;
        return u.Inc(s => s.Documents, 1L).Max(s => s.UpdatedAt, at);
    }

    /// <summary>The site's lines past the cap: least counted first out, then least recently seen.</summary>
    internal static SortDefinition<MongoTemplateLineRecord> LineKeepOrder { get; } =
        Builders<MongoTemplateLineRecord>.Sort.Descending(l => l.Count).Descending(l => l.LastSeen).Ascending(l => l.Hash);

    private async Task PruneSiteAsync(string site, SiteTemplateLimits limits, DateTime stale, CancellationToken cancellationToken)
    {
        var l = Builders<MongoTemplateLineRecord>.Filter;
        await _templateLines.DeleteManyAsync(l.Eq(r => r.Site, site) & l.Lt(r => r.LastSeen, stale), cancellationToken);
        var extraLines = await _templateLines.Find(l.Eq(r => r.Site, site)).Sort(LineKeepOrder).Skip(limits.MaxLinesPerSite).Project(r => r.Id).ToListAsync(cancellationToken);
        if (extraLines.Count > 0)
        {
            await _templateLines.DeleteManyAsync(l.In(r => r.Id, extraLines), cancellationToken);
        }

        var d = Builders<MongoTemplateDocumentRecord>.Filter;
        var extraDocuments = await _templateDocuments.Find(d.Eq(r => r.Site, site))
            .Sort(Builders<MongoTemplateDocumentRecord>.Sort.Descending(r => r.SeenAt).Ascending(r => r.Document))
            .Skip(limits.MaxDocumentsPerSite).Project(r => r.Id).ToListAsync(cancellationToken);
        if (extraDocuments.Count > 0)
        {
            await _templateDocuments.DeleteManyAsync(d.In(r => r.Id, extraDocuments), cancellationToken);
        }
    }
}
