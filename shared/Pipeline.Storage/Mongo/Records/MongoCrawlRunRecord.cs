using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>The last run of a crawl (<c>{collection}.crawlRuns</c>), under the crawl's name.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoCrawlRunRecord
{
    [BsonId]
    public string Name { get; set; } = string.Empty;

    [BsonElement("run")]
    public BsonDocument Run { get; set; } = [];
}
