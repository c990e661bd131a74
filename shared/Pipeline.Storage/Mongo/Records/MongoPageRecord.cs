using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary><c>{ number, start, end }</c>: where a page of a paged source lies in the text.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoPageRecord
{
    [BsonElement("number")]
    public int Number { get; set; }

    [BsonElement("start")]
    public int Start { get; set; }

    [BsonElement("end")]
    public int End { get; set; }
}
