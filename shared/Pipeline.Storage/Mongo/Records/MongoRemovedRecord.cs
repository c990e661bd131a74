using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A block cleaning removed, and why.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoRemovedRecord
{
    [BsonElement("kind")]
    public string Kind { get; set; } = string.Empty;

    [BsonElement("text")]
    public string Text { get; set; } = string.Empty;
}
