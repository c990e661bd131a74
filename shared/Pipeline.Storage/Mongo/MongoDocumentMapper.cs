using MongoDB.Bson;
using Pipeline.Contracts;

namespace Pipeline.Storage.Mongo;

/// <summary>The stored shape in MongoDB, field for field as the architecture describes it.</summary>
internal static class MongoDocumentMapper
{
    public static BsonBinaryData Id(Guid id) => new(id.ToByteArray(bigEndian: true), BsonBinarySubType.UuidStandard);

    public static Guid ToGuid(BsonValue value) => new(value.AsBsonBinaryData.Bytes, bigEndian: true);

    public static BsonValue Date(DateTimeOffset? value) => value is { } v ? new BsonDateTime(v.UtcDateTime) : BsonNull.Value;

    public static DateTimeOffset? ToDate(BsonValue? value) =>
        value is BsonDateTime d ? new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero) : null;

    public static BsonDocument ToBson(StoredDocument d, DateTimeOffset storedAt) => new()
    {
        { "_id", Id(d.Id) },
        { "source", new BsonDocument { { "kind", d.Source.Kind }, { "uri", d.Source.Uri }, { "name", d.Source.Name } } },
        { "title", d.Title },
        { "text", d.Text },
        { "language", (BsonValue?)d.Language ?? BsonNull.Value },
        { "author", (BsonValue?)d.Author ?? BsonNull.Value },
        { "siteName", (BsonValue?)d.SiteName ?? BsonNull.Value },
        { "published", Date(d.Published) },
        { "fetchedAt", Date(d.FetchedAt) },
        { "storedAt", Date(storedAt) },
        { "version", d.Version },
        { "contentHash", d.ContentHash },
        { "entities", new BsonArray(d.Entities.Select(Entity)) },
        { "entityKeys", new BsonArray(d.EntityKeys) },
        { "cleaning", new BsonDocument("removed", new BsonArray(d.Removed.Select(r => new BsonDocument { { "kind", r.Kind }, { "text", r.Text } }))) },
    };

    public static StoredDocument FromBson(BsonDocument b)
    {
        var source = b["source"].AsBsonDocument;
        return new StoredDocument
        {
            Id = ToGuid(b["_id"]),
            Source = new DocumentSource(source["kind"].AsString, source["uri"].AsString, source["name"].AsString),
            Title = b["title"].AsString,
            Text = b["text"].AsString,
            Language = NullableString(b, "language"),
            Author = NullableString(b, "author"),
            SiteName = NullableString(b, "siteName"),
            Published = ToDate(b.GetValue("published", BsonNull.Value)),
            FetchedAt = ToDate(b["fetchedAt"]) ?? default,
            StoredAt = ToDate(b["storedAt"]) ?? default,
            Version = b["version"].ToInt64(),
            ContentHash = b["contentHash"].AsString,
            Entities = b.GetValue("entities", new BsonArray()).AsBsonArray.Select(e => e.AsBsonDocument).Select(e => new EntityMention(
                e["type"].AsString, e["text"].AsString, e["start"].ToInt32(), e["end"].ToInt32(), e["canonical"].AsString, NullableString(e, "id"))).ToList(),
            EntityKeys = b.GetValue("entityKeys", new BsonArray()).AsBsonArray.Select(k => k.AsString).ToList(),
            Removed = b.GetValue("cleaning", new BsonDocument()).AsBsonDocument.GetValue("removed", new BsonArray()).AsBsonArray
                .Select(r => new RemovedText(r["kind"].AsString, r["text"].AsString)).ToList(),
        };
    }

    private static BsonDocument Entity(EntityMention e)
    {
        var entity = new BsonDocument { { "type", e.Type }, { "text", e.Text }, { "start", e.Start }, { "end", e.End }, { "canonical", e.Canonical } };
        if (e.Id is not null)
        {
            entity["id"] = e.Id;
        }

        return entity;
    }

    private static string? NullableString(BsonDocument b, string name) =>
        b.TryGetValue(name, out var v) && v.IsString ? v.AsString : null;
}
