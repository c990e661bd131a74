using Pipeline.Tests.Shared;
using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>The stored shape as the driver maps it: field names, types, ids and dates, and the trip through BSON bytes.</summary>
public sealed class MongoStoreMappingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StoredDocument Sample() => RealServerTests.Document("https://example.com/a", "Title", "Ketamine text.", 4) with
    {
        Author = "A. Writer",
        Published = Start.AddDays(3),
        Entities = [new EntityMention("Chemical", "Ketamine", 0, 8, "ketamine", "CHEBI:6121"), new EntityMention("Disease", "pain", 9, 13, "pain", null)],
        EntityKeys = ["Chemical:ketamine", "Disease:pain"],
        Removed = [new RemovedText("credits", "Image: Getty", 9), new RemovedText("share-buttons", "Share")],
    };

    [Fact]
    public void A_document_survives_the_trip_through_bson_bytes()
    {
        var document = Sample();
        var storedAt = Start.AddHours(5);

        var back = MongoDocumentMapper.FromRecord(MongoRender.RoundTrip(MongoDocumentMapper.ToRecord(document, storedAt)));

        Assert.Equal(document with { StoredAt = storedAt }, back with { Entities = document.Entities, EntityKeys = document.EntityKeys, Removed = document.Removed });
        Assert.Equal(document.Entities, back.Entities);
        Assert.Equal(document.EntityKeys, back.EntityKeys);
        Assert.Equal(document.Removed, back.Removed);
    }

    [Fact]
    public void Format_pages_and_container_are_stored_when_present()
    {
        var document = Sample() with
        {
            Source = new DocumentSource("inbox", "inbox:///all.zip#a.pdf", "all.zip/a.pdf", "inbox:///all.zip"),
            Format = "pdf",
            Pages = [new PageSpan(1, 0, 4), new PageSpan(2, 5, 14)],
        };

        var bson = MongoRender.Document(MongoDocumentMapper.ToRecord(document, Start));
        var back = MongoDocumentMapper.FromRecord(MongoRender.RoundTrip(MongoDocumentMapper.ToRecord(document, Start)));

        Assert.Equal("pdf", bson["format"].AsString);
        Assert.Equal(BsonDocument.Parse("{ number: 2, start: 5, end: 14 }"), bson["pages"][1]);
        Assert.Equal("inbox:///all.zip", bson["source"]["parent"].AsString);
        Assert.Equal(document.Pages, back.Pages);
        Assert.Equal(document.Source, back.Source);
        Assert.Equal("pdf", back.Format);
    }

    [Fact]
    public void The_stored_shape_is_the_documented_one()
    {
        var document = Sample();
        var bson = MongoRender.Document(MongoDocumentMapper.ToRecord(document, Start.AddHours(5)));

        Assert.Equal(
            ["_id", "source", "title", "text", "language", "author", "siteName", "published", "fetchedAt", "storedAt", "version", "contentHash", "entities", "entityKeys", "entityNames", "cleaning"],
            bson.Names);
        Assert.Equal(BsonNull.Value, bson["siteName"]);
        Assert.Equal(new BsonDateTime(Start.AddDays(3).UtcDateTime), bson["published"]);
        Assert.Equal(BsonType.Int64, bson["version"].BsonType);
        Assert.Equal(BsonDocument.Parse("{ type: 'Chemical', text: 'Ketamine', start: 0, end: 8, canonical: 'ketamine', id: 'CHEBI:6121' }"), bson["entities"][0]);
        Assert.False(bson["entities"][1].AsBsonDocument.Contains("id"));
        Assert.Equal(BsonArray.Create(new[] { BsonDocument.Parse("{ key: 'Chemical:ketamine', name: 'Ketamine' }"), BsonDocument.Parse("{ key: 'Disease:pain', name: 'pain' }") }), bson["entityNames"]);
        Assert.Equal(BsonDocument.Parse("{ removed: [ { kind: 'credits', text: 'Image: Getty', offset: 9 }, { kind: 'share-buttons', text: 'Share' } ] }"), bson["cleaning"]);
    }

    [Fact]
    public void The_id_is_a_standard_uuid_readable_in_the_shell()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var bson = MongoRender.Document(new MongoDocumentRecord { Id = id })["_id"].AsBsonBinaryData;
        Assert.Equal(BsonBinarySubType.UuidStandard, bson.SubType);
        Assert.Equal("0F8FAD5BD9CB469FA16570867728950E", Convert.ToHexString(bson.Bytes));
    }

    [Fact]
    public void Fields_written_by_a_newer_version_are_ignored_on_read()
    {
        var bson = MongoRender.Document(MongoDocumentMapper.ToRecord(Sample(), Start));
        bson["futureField"] = "x";
        bson["source"]["futureToo"] = 1;

        var record = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<MongoDocumentRecord>(bson);

        Assert.Equal("Title", record.Title);
    }

    [Fact]
    public void Crawl_definitions_and_fetch_state_round_trip_as_documents()
    {
        var crawl = new CrawlDefinition("news", ["https://n.example/", "https://m.example/"], TimeSpan.FromHours(6), "0 */6 * * *", 2, 100, "same-host", true, Start);
        var state = new FetchState("https://n.example/a", "news", Start, "\"etag\"", "Tue, 01 Jan 2026 00:00:00 GMT", "abc", Start.AddHours(6), 2, "500", false, TimeSpan.FromHours(6));

        var crawlBack = MongoCrawlMapper.FromRecord(MongoRender.RoundTrip(MongoCrawlMapper.ToRecord(crawl)));
        var stateRecord = MongoCrawlMapper.ToRecord(state);
        var stateDocument = MongoRender.Document(stateRecord);

        Assert.Equal(crawl.Seeds, crawlBack.Seeds);
        Assert.Equal(crawl with { Seeds = [] }, crawlBack with { Seeds = [] });
        Assert.Equal(state, MongoCrawlMapper.FromRecord(MongoRender.RoundTrip(stateRecord)));
        Assert.Equal("https://n.example/a", stateDocument["_id"].AsString);
        Assert.Equal("news", stateDocument["crawlName"].AsString);
        Assert.Equal(new BsonDateTime(Start.AddHours(6).UtcDateTime), stateDocument["nextDueAt"]);
    }

    [Fact]
    public void Snippets_center_on_the_first_match_and_mark_every_word()
    {
        var text = new string('x', 400) + " Ketamine eases pain; ketamine again. " + new string('y', 400);
        var (snippet, highlights) = Snippets.Make(text, TextQuery.Parse("ketamine pain"));
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Equal(["Ketamine", "pain", "ketamine"], highlights.Select(h => snippet.Substring(h.Start, h.Length)));
    }
}
