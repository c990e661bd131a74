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

    /// <summary>Where it stood in <c>text</c>; absent for documents cleaned before positions were recorded.</summary>
    [BsonElement("offset")]
    [BsonIgnoreIfNull]
    public int? Offset { get; set; }
}
