using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary><c>source: { kind, uri, name }</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoSourceRecord
{
    [BsonElement("kind")]
    public string Kind { get; set; } = string.Empty;

    [BsonElement("uri")]
    public string Uri { get; set; } = string.Empty;

    [BsonElement("name")]
    public string Name { get; set; } = string.Empty;
}
