using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A source whose text another stored document already holds (<c>{collection}.duplicates</c>).</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoDuplicateRecord
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("source")]
    public MongoSourceRecord Source { get; set; } = new();

    [BsonElement("duplicateOf")]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid DuplicateOf { get; set; }

    [BsonElement("contentHash")]
    public string ContentHash { get; set; } = string.Empty;

    [BsonElement("version")]
    public long Version { get; set; }

    [BsonElement("recordedAt")]
    public DateTime RecordedAt { get; set; }
}
