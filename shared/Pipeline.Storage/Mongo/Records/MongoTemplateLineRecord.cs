using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>One hashed line of a site (<c>{collection}.templateLines</c>, unique on site and hash).</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoTemplateLineRecord
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("site")]
    public string Site { get; set; } = string.Empty;

    [BsonElement("hash")]
    public long Hash { get; set; }

    [BsonElement("count")]
    public long Count { get; set; }

    [BsonElement("firstSeen")]
    public long FirstSeen { get; set; }

    [BsonElement("lastSeen")]
    public DateTime LastSeen { get; set; }
}
