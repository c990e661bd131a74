using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Crawl definitions and fetch state as documents: the record as the same camelCase JSON the SQLite store keeps,
/// plus the top-level fields the queries filter and sort on.
/// </summary>
internal static class MongoCrawlMapper
{
    private static readonly JsonWriterSettings PlainJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static BsonDocument ToBson(CrawlDefinition crawl) => new()
    {
        { "_id", crawl.Name },
        { "definition", BsonDocument.Parse(JsonSerializer.Serialize(crawl, StorageJson.Default.CrawlDefinition)) },
    };

    public static CrawlDefinition CrawlFromBson(BsonDocument document) =>
        JsonSerializer.Deserialize(document["definition"].AsBsonDocument.ToJson(PlainJson), StorageJson.Default.CrawlDefinition)
        ?? throw new FormatException($"Crawl '{document["_id"]}' has no definition.");

    public static BsonDocument ToBson(FetchState state) => new()
    {
        { "_id", state.Url },
        { "crawlName", state.CrawlName },
        { "parked", state.Parked },
        { "nextDueAt", MongoDocumentMapper.Date(state.NextDueAt) },
        { "state", BsonDocument.Parse(JsonSerializer.Serialize(state, StorageJson.Default.FetchState)) },
    };

    public static FetchState FetchStateFromBson(BsonDocument document) =>
        JsonSerializer.Deserialize(document["state"].AsBsonDocument.ToJson(PlainJson), StorageJson.Default.FetchState)
        ?? throw new FormatException($"Fetch state '{document["_id"]}' is empty.");
}
