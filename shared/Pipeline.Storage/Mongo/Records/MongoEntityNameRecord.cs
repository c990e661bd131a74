using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>How one document names one of its entities: <c>{ key: "Person:marie curie", name: "Marie Curie" }</c>, its most frequent surface form.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoEntityNameRecord
{
    [BsonElement("key")]
    public string Key { get; set; } = string.Empty;

    [BsonElement("name")]
    public string Name { get; set; } = string.Empty;
}
