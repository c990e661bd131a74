using MongoDB.Bson;
using MongoDB.Driver;
using Pipeline.Contracts;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    private const int MaxFacetRows = 10_000;

    public async Task<SearchPage> SearchAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var position = query.Cursor is null ? new SearchCursor(Now().ToUnixTimeMilliseconds(), 0, 0, 0) : SearchCursor.Decode(query.Cursor);
        await InitializeAsync(cancellationToken);
        var text = TextQuery.Parse(query.Text);
        var rows = await (await _documents.AggregateAsync(SearchPipeline(query, text, position), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var hits = rows.Take(query.Limit).Select(row => ToHit(row, text)).ToList();
        var next = rows.Count > query.Limit ? (position with { Offset = position.Offset + query.Limit }).Encode() : null;
        if (next is not null && query.Cursor is null)
        {
            // The snapshot is a millisecond: let the clock pass it, so a write after this page can never share it.
            for (var waited = 0; waited < 20 && Now().ToUnixTimeMilliseconds() <= position.Snapshot; waited++)
            {
                await Task.Delay(1, cancellationToken);
            }
        }

        return new SearchPage(hits, next);
    }

    /// <summary>The aggregation a search runs; pages are an offset into a snapshot (documents stored before the first page).</summary>
    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> SearchPipeline(DocumentQuery query, TextQuery text, SearchCursor position)
    {
        var snapshot = DateTimeOffset.FromUnixTimeMilliseconds(position.Snapshot);
        var addFields = new BsonDocument("_sortDate", new BsonDocument("$ifNull", new BsonArray { "$published", "$storedAt" }));
        if (!text.IsEmpty)
        {
            addFields["_score"] = new BsonDocument("$meta", "textScore");
        }

        var sort = query.Sort == SortOrder.Relevance && !text.IsEmpty
            ? new BsonDocument { { "_score", -1 }, { "_sortDate", -1 }, { "_id", 1 } }
            : new BsonDocument { { "_sortDate", -1 }, { "_id", 1 } };
        var pipeline = new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(MongoFilters.For(query, text, snapshot))
            .AppendStage<MongoDocumentRecord, MongoDocumentRecord, BsonDocument>(new BsonDocument("$addFields", addFields))
            .Sort(sort);
        if (position.Offset > 0)
        {
            pipeline = pipeline.Skip(position.Offset);
        }

        return pipeline
            .Limit(query.Limit + 1)
            .Project(Builders<BsonDocument>.Projection.Exclude("entities").Exclude("cleaning"));
    }

    private static SearchHit ToHit(BsonDocument row, TextQuery text)
    {
        var source = row["source"].AsBsonDocument;
        var (snippet, highlights) = Snippets.Make(row["text"].AsString, text);
        var counts = row.GetValue("entityKeys", new BsonArray()).AsBsonArray
            .Select(k => k.AsString)
            .GroupBy(k => k[..Math.Max(0, k.IndexOf(':', StringComparison.Ordinal))], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SearchHit(
            row["_id"].AsGuid,
            row["title"].AsString,
            new DocumentSource(source["kind"].AsString, source["uri"].AsString, source["name"].AsString),
            row.GetValue("published", BsonNull.Value) is BsonDateTime published ? new DateTimeOffset(published.ToUniversalTime()) : null,
            row.GetValue("storedAt", BsonNull.Value) is BsonDateTime stored ? new DateTimeOffset(stored.ToUniversalTime()) : default,
            snippet,
            highlights,
            counts,
            row.TryGetValue("_score", out var score) && score.IsNumeric ? score.ToDouble() : 0);
    }

    public async Task<IReadOnlyList<EntityFacet>> FacetsAsync(DocumentQuery query, string? type, string? prefix, int perType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(perType, 1);
        string? canonicalType = null;
        if (type is not null)
        {
            canonicalType = EntityKey.Types.FirstOrDefault(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (canonicalType is null)
            {
                return [];
            }
        }

        await InitializeAsync(cancellationToken);
        var rows = await (await _documents.AggregateAsync(FacetPipeline(query, canonicalType, prefix), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var facets = rows.Select(ToFacet).OfType<EntityFacet>()
            .GroupBy(f => f.Type, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf([.. EntityKey.Types], g.Key))
            .SelectMany(g => g.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(perType))
            .ToList();
        return await NameAsync(facets, cancellationToken);
    }

    /// <summary>Gives each facet the name most documents use for it (documents stored before names were kept have none).</summary>
    private async Task<IReadOnlyList<EntityFacet>> NameAsync(List<EntityFacet> facets, CancellationToken cancellationToken)
    {
        if (facets.Count == 0)
        {
            return facets;
        }

        var rows = await (await _documents.AggregateAsync(NamesPipeline(facets.Select(f => f.Key).ToList()), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var names = rows.Where(r => r["_id"].IsString && r["name"].IsString).ToDictionary(r => r["_id"].AsString, r => r["name"].AsString, StringComparer.Ordinal);
        return facets.Select(f => names.TryGetValue(f.Key, out var name) ? f with { Display = name } : f).ToList();
    }

    /// <summary>
    /// For each key, the name the most documents give it (ties to the first in ordinal order): the documents are found
    /// through the <c>entityKeys</c> index, then their <c>entityNames</c> counted per key and name.
    /// </summary>
    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> NamesPipeline(IReadOnlyList<string> keys) =>
        new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(Builders<MongoDocumentRecord>.Filter.AnyIn(d => d.EntityKeys, keys))
            .Project(Builders<MongoDocumentRecord>.Projection.Include(d => d.EntityNames).Exclude(d => d.Id))
            .Unwind("entityNames")
            .Match(Builders<BsonDocument>.Filter.In("entityNames.key", keys))
            .Group(new BsonDocument { { "_id", new BsonDocument { { "key", "$entityNames.key" }, { "name", "$entityNames.name" } } }, { "n", new BsonDocument("$sum", 1) } })
            .Sort(new BsonDocument { { "n", -1 }, { "_id.name", 1 } })
            .Group(new BsonDocument { { "_id", "$_id.key" }, { "name", new BsonDocument("$first", "$_id.name") } });

    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> FacetPipeline(DocumentQuery query, string? type, string? prefix)
    {
        var keys = new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(MongoFilters.For(query, TextQuery.Parse(query.Text)))
            .Project(Builders<MongoDocumentRecord>.Projection.Include(d => d.EntityKeys))
            .Unwind("entityKeys");
        if (type is not null || !string.IsNullOrEmpty(prefix))
        {
            var pattern = "^" + (type is null ? "[A-Za-z]+" : MongoFilters.EscapeRegex(type)) + ":" + MongoFilters.EscapeRegex((prefix ?? string.Empty).ToLowerInvariant());
            keys = keys.Match(Builders<BsonDocument>.Filter.Regex("entityKeys", new BsonRegularExpression(pattern)));
        }

        return CountKeys(keys, MaxFacetRows);
    }

    public async Task<IReadOnlyList<EntityFacet>> CooccurringAsync(EntityKey key, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await InitializeAsync(cancellationToken);
        var rows = await (await _documents.AggregateAsync(CooccurrencePipeline(key, limit), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        return await NameAsync(rows.Select(ToFacet).OfType<EntityFacet>().ToList(), cancellationToken);
    }

    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> CooccurrencePipeline(EntityKey key, int limit)
    {
        var k = key.ToString();
        var keys = new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(Builders<MongoDocumentRecord>.Filter.AnyEq(d => d.EntityKeys, k))
            .Project(Builders<MongoDocumentRecord>.Projection.Include(d => d.EntityKeys))
            .Unwind("entityKeys")
            .Match(Builders<BsonDocument>.Filter.Ne("entityKeys", k));
        return CountKeys(keys, limit);
    }

    /// <summary>Counts the unwound keys, most frequent first (ties by key), at most <paramref name="limit"/> rows.</summary>
    private static PipelineDefinition<MongoDocumentRecord, BsonDocument> CountKeys(PipelineDefinition<MongoDocumentRecord, BsonDocument> keys, int limit) =>
        keys.Group(new BsonDocument { { "_id", "$entityKeys" }, { "n", new BsonDocument("$sum", 1) } })
            .Sort(new BsonDocument { { "n", -1 }, { "_id", 1 } })
            .Limit(limit);

    private static EntityFacet? ToFacet(BsonDocument row)
    {
        var key = row["_id"].IsString ? row["_id"].AsString : string.Empty;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? new EntityFacet(key[..colon], key[(colon + 1)..], row["n"].ToInt64()) : null;
    }
}
