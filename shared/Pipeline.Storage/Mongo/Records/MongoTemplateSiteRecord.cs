using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A site's learned template (<c>{collection}.templateSites</c>): how many of its documents were counted.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoTemplateSiteRecord
{
    [BsonId]
    public string Site { get; set; } = string.Empty;

    [BsonElement("documents")]
    public long Documents { get; set; }

    [BsonElement("updatedAt")]
    public DateTime UpdatedAt { get; set; }
}
