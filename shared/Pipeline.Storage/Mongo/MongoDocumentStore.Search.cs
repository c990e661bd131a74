using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Mongo;

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
        var pipeline = SearchPipeline(query, text, position);
        var rows = await (await _documents.AggregateAsync(pipeline, null, cancellationToken)).ToListAsync(cancellationToken);
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
    internal static List<BsonDocument> SearchPipeline(DocumentQuery query, TextQuery text, SearchCursor position)
    {
        var snapshot = DateTimeOffset.FromUnixTimeMilliseconds(position.Snapshot);
        var pipeline = new List<BsonDocument> { new("$match", MongoFilters.For(query, text, snapshot)) };
        var addFields = new BsonDocument("_sortDate", new BsonDocument("$ifNull", new BsonArray { "$published", "$storedAt" }));
        if (!text.IsEmpty)
        {
            addFields["_score"] = new BsonDocument("$meta", "textScore");
        }

        pipeline.Add(new BsonDocument("$addFields", addFields));
        pipeline.Add(new BsonDocument("$sort", query.Sort == SortOrder.Relevance && !text.IsEmpty
            ? new BsonDocument { { "_score", -1 }, { "_sortDate", -1 }, { "_id", 1 } }
            : new BsonDocument { { "_sortDate", -1 }, { "_id", 1 } }));
        if (position.Offset > 0)
        {
            pipeline.Add(new BsonDocument("$skip", position.Offset));
        }

        pipeline.Add(new BsonDocument("$limit", query.Limit + 1));
        pipeline.Add(new BsonDocument("$project", new BsonDocument { { "entities", 0 }, { "cleaning", 0 } }));
        return pipeline;
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
            MongoDocumentMapper.ToGuid(row["_id"]),
            row["title"].AsString,
            new DocumentSource(source["kind"].AsString, source["uri"].AsString, source["name"].AsString),
            MongoDocumentMapper.ToDate(row.GetValue("published", BsonNull.Value)),
            MongoDocumentMapper.ToDate(row["storedAt"]) ?? default,
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
        var pipeline = FacetPipeline(query, canonicalType, prefix);
        var rows = await (await _documents.AggregateAsync(pipeline, null, cancellationToken)).ToListAsync(cancellationToken);
        return rows.Select(ToFacet).OfType<EntityFacet>()
            .GroupBy(f => f.Type, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf([.. EntityKey.Types], g.Key))
            .SelectMany(g => g.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(perType))
            .ToList();
    }

    internal static List<BsonDocument> FacetPipeline(DocumentQuery query, string? type, string? prefix)
    {
        var pipeline = new List<BsonDocument>
        {
            new("$match", MongoFilters.For(query, TextQuery.Parse(query.Text))),
            new("$project", new BsonDocument("entityKeys", 1)),
            new("$unwind", "$entityKeys"),
        };
        if (type is not null || !string.IsNullOrEmpty(prefix))
        {
            var pattern = "^" + (type is null ? "[A-Za-z]+" : MongoFilters.EscapeRegex(type)) + ":" + MongoFilters.EscapeRegex((prefix ?? string.Empty).ToLowerInvariant());
            pipeline.Add(new BsonDocument("$match", new BsonDocument("entityKeys", new BsonRegularExpression(pattern))));
        }

        pipeline.Add(new BsonDocument("$group", new BsonDocument { { "_id", "$entityKeys" }, { "n", new BsonDocument("$sum", 1) } }));
        pipeline.Add(new BsonDocument("$sort", new BsonDocument { { "n", -1 }, { "_id", 1 } }));
        pipeline.Add(new BsonDocument("$limit", MaxFacetRows));
        return pipeline;
    }

    public async Task<IReadOnlyList<EntityFacet>> CooccurringAsync(EntityKey key, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await InitializeAsync(cancellationToken);
        var k = key.ToString();
        var pipeline = new List<BsonDocument>
        {
            new("$match", new BsonDocument("entityKeys", k)),
            new("$project", new BsonDocument("entityKeys", 1)),
            new("$unwind", "$entityKeys"),
            new("$match", new BsonDocument("entityKeys", new BsonDocument("$ne", k))),
            new("$group", new BsonDocument { { "_id", "$entityKeys" }, { "n", new BsonDocument("$sum", 1) } }),
            new("$sort", new BsonDocument { { "n", -1 }, { "_id", 1 } }),
            new("$limit", limit),
        };
        var rows = await (await _documents.AggregateAsync(pipeline, null, cancellationToken)).ToListAsync(cancellationToken);
        return rows.Select(ToFacet).OfType<EntityFacet>().ToList();
    }

    private static EntityFacet? ToFacet(BsonDocument row)
    {
        var key = row["_id"].IsString ? row["_id"].AsString : string.Empty;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? new EntityFacet(key[..colon], key[(colon + 1)..], row["n"].ToInt64()) : null;
    }
}
