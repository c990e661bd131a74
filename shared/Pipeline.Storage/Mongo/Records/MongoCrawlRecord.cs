using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A crawl definition (<c>{collection}.crawls</c>): the same camelCase record the SQLite store keeps, under its name.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoCrawlRecord
{
    [BsonId]
    public string Name { get; set; } = string.Empty;

    [BsonElement("definition")]
    public BsonDocument Definition { get; set; } = [];
}
