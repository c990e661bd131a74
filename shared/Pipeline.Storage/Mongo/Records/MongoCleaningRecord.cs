using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary><c>cleaning: { removed: [{ kind, text, offset? }] }</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoCleaningRecord
{
    [BsonElement("removed")]
    public List<MongoRemovedRecord> Removed { get; set; } = [];
}
