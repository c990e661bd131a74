using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>One URL's fetch state (<c>{collection}.fetchState</c>): the record, plus the fields the due query filters and sorts on.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoFetchStateRecord
{
    [BsonId]
    public string Url { get; set; } = string.Empty;

    [BsonElement("crawlName")]
    public string CrawlName { get; set; } = string.Empty;

    [BsonElement("parked")]
    public bool Parked { get; set; }

    [BsonElement("nextDueAt")]
    public DateTime? NextDueAt { get; set; }

    [BsonElement("state")]
    public BsonDocument State { get; set; } = [];
}
