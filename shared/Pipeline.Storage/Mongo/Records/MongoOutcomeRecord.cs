using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>A submitted document's outcome (<c>{collection}.outcomes</c>): the record, plus the time expiry filters on.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoOutcomeRecord
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("recordedAt")]
    public DateTime RecordedAt { get; set; }

    [BsonElement("outcome")]
    public BsonDocument Outcome { get; set; } = [];
}
