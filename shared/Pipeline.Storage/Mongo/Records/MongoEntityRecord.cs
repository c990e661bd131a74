using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>One mention: <c>{ type, text, start, end, canonical, id? }</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoEntityRecord
{
    [BsonElement("type")]
    public string Type { get; set; } = string.Empty;

    [BsonElement("text")]
    public string Text { get; set; } = string.Empty;

    [BsonElement("start")]
    public int Start { get; set; }

    [BsonElement("end")]
    public int End { get; set; }

    [BsonElement("canonical")]
    public string Canonical { get; set; } = string.Empty;

    [BsonElement("id")]
    [BsonIgnoreIfNull]
    public string? Id { get; set; }
}
