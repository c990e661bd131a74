using MongoDB.Bson;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>The site template's queries and updates, rendered by the driver: equality on the unique keys and atomic operators only.</summary>
public sealed class MongoTemplateShapeTests
{
    private static readonly DateTime At = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Lines_are_read_by_site_and_hash_list_and_upserted_by_their_unique_key()
    {
        Assert.Equal(
            new BsonDocument { { "site", "web:a.example" }, { "hash", new BsonDocument("$in", new BsonArray { 1L, -2L }) } },
            MongoRender.Filter(MongoDocumentStore.LinesFilter("web:a.example", [1L, -2L])));
        Assert.Equal(
            new BsonDocument { { "site", "inbox:///" }, { "hash", 7L } },
            MongoRender.Filter(MongoDocumentStore.LineFilter("inbox:///", 7L)));
        Assert.Equal(
            new BsonDocument { { "site", 1 }, { "hash", 1 } },
            MongoRender.Keys(MongoDocumentStore.TemplateLineIndex.Keys));
        Assert.True(MongoDocumentStore.TemplateLineIndex.Options.Unique);
        Assert.True(MongoDocumentStore.TemplateDocumentIndex.Options.Unique);
    }

    [Fact]
    public void Counting_a_line_and_a_document_are_atomic_increments_not_replacements()
    {
        Assert.Equal(
            new BsonDocument
            {
                { "$inc", new BsonDocument("count", 1L) },
                { "$setOnInsert", new BsonDocument("firstSeen", 12L) },
                { "$max", new BsonDocument("lastSeen", new BsonDateTime(At)) },
            },
            MongoRender.Update(MongoDocumentStore.LineIncrement(12, At)));
        Assert.Equal(
            new BsonDocument
            {
                { "$inc", new BsonDocument("documents", 1L) },
                { "$max", new BsonDocument("updatedAt", new BsonDateTime(At)) },
            },
            MongoRender.Update(MongoDocumentStore.SiteIncrement(At)));
    }

    [Fact]
    public void A_site_keeps_its_most_counted_then_most_recent_lines()
    {
        Assert.Equal(
            new BsonDocument { { "count", -1 }, { "lastSeen", -1 }, { "hash", 1 } },
            MongoRender.Sort(MongoDocumentStore.LineKeepOrder));
    }

    [Fact]
    public void Template_records_round_trip_through_bson()
    {
        var line = new MongoTemplateLineRecord { Id = ObjectId.GenerateNewId(), Site = "web:a.example", Hash = long.MinValue, Count = 3, FirstSeen = 2, LastSeen = At };

        var back = MongoRender.RoundTrip(line);

        Assert.Equal((line.Id, line.Site, line.Hash, line.Count, line.FirstSeen, line.LastSeen), (back.Id, back.Site, back.Hash, back.Count, back.FirstSeen, back.LastSeen));
        Assert.Equal(new[] { "_id", "site", "hash", "count", "firstSeen", "lastSeen" }, MongoRender.Document(line).Names);
    }
}
