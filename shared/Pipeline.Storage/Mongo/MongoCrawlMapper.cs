using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Crawl definitions and fetch state: the record as the same camelCase JSON the SQLite store keeps (one format for
/// both stores), plus the top-level fields the queries filter and sort on.
/// </summary>
internal static class MongoCrawlMapper
{
    private static readonly JsonWriterSettings PlainJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static MongoCrawlRecord ToRecord(CrawlDefinition crawl) => new()
    {
        Name = crawl.Name,
        Definition = BsonDocument.Parse(JsonSerializer.Serialize(crawl, StorageJson.Default.CrawlDefinition)),
    };

    public static CrawlDefinition FromRecord(MongoCrawlRecord record) =>
        JsonSerializer.Deserialize(record.Definition.ToJson(PlainJson), StorageJson.Default.CrawlDefinition)
        ?? throw new FormatException($"Crawl '{record.Name}' has no definition.");

    public static MongoFetchStateRecord ToRecord(FetchState state) => new()
    {
        Url = state.Url,
        CrawlName = state.CrawlName,
        Parked = state.Parked,
        NextDueAt = MongoDocumentMapper.Date(state.NextDueAt),
        State = BsonDocument.Parse(JsonSerializer.Serialize(state, StorageJson.Default.FetchState)),
    };

    public static FetchState FromRecord(MongoFetchStateRecord record) =>
        JsonSerializer.Deserialize(record.State.ToJson(PlainJson), StorageJson.Default.FetchState)
        ?? throw new FormatException($"Fetch state '{record.Url}' is empty.");
}
