using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A document counted for a site's template (<c>{collection}.templateDocuments</c>, unique on site and document).</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoTemplateDocumentRecord
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("site")]
    public string Site { get; set; } = string.Empty;

    [BsonElement("document")]
    public long Document { get; set; }

    [BsonElement("seenAt")]
    public DateTime SeenAt { get; set; }
}
