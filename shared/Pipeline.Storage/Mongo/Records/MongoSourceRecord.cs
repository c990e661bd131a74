using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary><c>source: { kind, uri, name, parent? }</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoSourceRecord
{
    [BsonElement("kind")]
    public string Kind { get; set; } = string.Empty;

    [BsonElement("uri")]
    public string Uri { get; set; } = string.Empty;

    [BsonElement("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The archive or e-mail the document came out of; absent otherwise.</summary>
    [BsonElement("parent")]
    [BsonIgnoreIfNull]
    public string? Parent { get; set; }
}
