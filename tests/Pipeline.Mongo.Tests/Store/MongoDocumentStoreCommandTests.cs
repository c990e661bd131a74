using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Mongo.Tests.Harness;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>The exact commands the MongoDB store sends, checked on a fake server.</summary>
public sealed class MongoDocumentStoreCommandTests
{
    private static BsonDocument Ok() => new("ok", 1);

    private static BsonDocument EmptyCursor(string ns) => new()
    {
        { "cursor", new BsonDocument { { "id", 0L }, { "ns", ns }, { "firstBatch", new BsonArray() } } },
        { "ok", 1 },
    };

    private static (MongoClient Client, MongoDocumentStore Store) Connect(FakeMongoServer server)
    {
        var client = new MongoClient($"mongodb://{server.Address}/?directConnection=true&serverSelectionTimeoutMS=3000");
        return (client, new MongoDocumentStore(client, new MongoStoreOptions { ConnectionString = "unused", Database = "pipe", Collection = "docs" }));
    }

    private static FakeReply? Default(BsonDocument command) => command.GetElement(0).Name switch
    {
        "createIndexes" => FakeReply.Of(Ok()),
        "find" or "aggregate" => FakeReply.Of(EmptyCursor($"pipe.{command[0]}")),
        "update" => FakeReply.Of(new BsonDocument { { "ok", 1 }, { "n", 1 }, { "upserted", new BsonArray { new BsonDocument { { "index", 0 }, { "_id", command["updates"][0]["q"]["_id"] } } } } }),
        "delete" => FakeReply.Of(new BsonDocument { { "ok", 1 }, { "n", 0 } }),
        _ => null,
    };

    [Fact]
    public async Task Initialize_creates_the_documented_indexes()
    {
        await using var server = new FakeMongoServer(Default);
        var (client, store) = Connect(server);
        await using var _ = client;
        await store.InitializeAsync(default);

        var create = server.ReceivedExceptHandshake.First(c => c.GetElement(0).Name == "createIndexes");
        Assert.Equal("docs", create["createIndexes"].AsString);
        var expected = BsonDocument.Parse("""
            { indexes: [
              { key: { title: "text", text: "text" }, name: "text_title_text", default_language: "english", language_override: "textSearchLanguage", weights: { title: 3, text: 1 } },
              { key: { entityKeys: 1 }, name: "entityKeys_1" },
              { key: { "source.uri": 1 }, name: "source.uri_1", unique: true },
              { key: { published: -1 }, name: "published_-1" },
              { key: { contentHash: 1 }, name: "contentHash_1" },
              { key: { storedAt: -1 }, name: "storedAt_-1" } ] }
            """);
        Assert.Empty(UnifiedMatcher.Match(expected, create));
    }

    [Fact]
    public async Task Upsert_writes_the_stored_shape_behind_a_version_filter()
    {
        await using var server = new FakeMongoServer(Default);
        var (client, store) = Connect(server);
        await using var _ = client;
        var document = RealServerTests.Document("https://example.com/a", "Title", "Some text.", 3) with { Removed = [new RemovedText("share", "Share")] };

        var result = await store.UpsertAsync(document, default);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        var update = Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "update");
        var statement = update["updates"][0].AsBsonDocument;
        var id = new BsonBinaryData(document.Id.ToByteArray(bigEndian: true), BsonBinarySubType.UuidStandard);
        Assert.Equal(new BsonDocument { { "_id", id }, { "version", new BsonDocument("$lt", 3L) } }, statement["q"].AsBsonDocument);
        Assert.True(statement["upsert"].AsBoolean);
        var stored = statement["u"].AsBsonDocument;
        Assert.Equal(
            ["_id", "source", "title", "text", "language", "author", "siteName", "published", "fetchedAt", "storedAt", "version", "contentHash", "entities", "entityKeys", "cleaning"],
            stored.Names);
        Assert.Equal(new BsonDocument { { "kind", "web" }, { "uri", "https://example.com/a" }, { "name", "https://example.com/a" } }, stored["source"]);
        Assert.Equal(new BsonArray { "Chemical:ketamine" }, stored["entityKeys"]);
        Assert.Equal(BsonDocument.Parse("{ type: 'Chemical', text: 'Ketamine', start: 0, end: 8, canonical: 'ketamine' }"), stored["entities"][0]);
        Assert.Equal(BsonDocument.Parse("{ removed: [ { kind: 'share', text: 'Share' } ] }"), stored["cleaning"]);
        Assert.Equal(BsonType.DateTime, stored["fetchedAt"].BsonType);
        Assert.Equal(3L, stored["version"].AsInt64);
    }

    [Fact]
    public async Task A_lost_upsert_race_reports_unchanged()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "update"
            ? FakeReply.Of(new BsonDocument { { "ok", 1 }, { "n", 0 }, { "writeErrors", new BsonArray { new BsonDocument { { "index", 0 }, { "code", 11000 }, { "errmsg", "E11000 duplicate key error collection: pipe.docs index: _id_ dup key" } } } } })
            : Default(c));
        var (client, store) = Connect(server);
        await using var _ = client;

        var result = await store.UpsertAsync(RealServerTests.Document("https://example.com/race", "T", "Text.", 1), default);

        Assert.Equal(StoreOutcome.Unchanged, result.Outcome);
        Assert.Equal(2, server.ReceivedExceptHandshake.Count(c => c.GetElement(0).Name == "update"));
    }

    [Fact]
    public async Task Identical_text_elsewhere_is_recorded_as_a_duplicate_not_stored()
    {
        var original = Guid.NewGuid();
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "find" && c["filter"].AsBsonDocument.Contains("contentHash")
            ? FakeReply.Of(new BsonDocument
            {
                { "cursor", new BsonDocument { { "id", 0L }, { "ns", "pipe.docs" }, { "firstBatch", new BsonArray { new BsonDocument("_id", new BsonBinaryData(original.ToByteArray(bigEndian: true), BsonBinarySubType.UuidStandard)) } } } },
                { "ok", 1 },
            })
            : Default(c));
        var (client, store) = Connect(server);
        await using var _ = client;

        var result = await store.UpsertAsync(RealServerTests.Document("inbox:///copy.txt", "Copy", "Same text.", 1), default);

        Assert.Equal(StoreOutcome.Duplicate, result.Outcome);
        Assert.Equal(original, result.DuplicateOf);
        var update = Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "update");
        Assert.Equal("docs.duplicates", update["update"].AsString);
    }

    [Fact]
    public async Task Search_pages_carry_the_snapshot_and_advance_by_the_page_size()
    {
        var rows = Enumerable.Range(0, 3).Select(i => MongoDocumentMapper.ToBson(
            RealServerTests.Document($"https://p.example/{i}", $"Page {i}", $"Words about pain {i}.", 1),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Add("_score", 1.5 - i)).ToList();
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "aggregate"
            ? FakeReply.Of(new BsonDocument { { "cursor", new BsonDocument { { "id", 0L }, { "ns", "pipe.docs" }, { "firstBatch", new BsonArray(rows.Take(c["pipeline"].AsBsonArray.First(s => s.AsBsonDocument.Contains("$limit"))["$limit"].ToInt32())) } } }, { "ok", 1 } })
            : Default(c));
        var (client, store) = Connect(server);
        await using var _ = client;

        var first = await store.SearchAsync(new DocumentQuery { Text = "pain", Limit = 2 }, default);
        var second = await store.SearchAsync(new DocumentQuery { Text = "pain", Limit = 2, Cursor = first.NextCursor }, default);

        Assert.Equal(["Page 0", "Page 1"], first.Hits.Select(h => h.Title));
        Assert.Equal(1.5, first.Hits[0].Score);
        Assert.Equal(new Dictionary<string, int> { ["Chemical"] = 1 }, first.Hits[0].EntityCounts);
        Assert.Contains(first.Hits[0].Highlights, h => first.Hits[0].Snippet.Substring(h.Start, h.Length) == "pain");
        Assert.NotNull(first.NextCursor);
        var pipelines = server.ReceivedExceptHandshake.Where(c => c.GetElement(0).Name == "aggregate").Select(c => c["pipeline"].AsBsonArray).ToList();
        Assert.Equal(pipelines[0][0], pipelines[1][0]); // same $match, snapshot included
        Assert.Contains(new BsonDocument("$skip", 2), pipelines[1]);
        Assert.DoesNotContain(pipelines[0], s => s.AsBsonDocument.Contains("$skip"));
    }

    [Fact]
    public async Task Facets_are_grouped_by_type_then_count_then_value()
    {
        var groups = BsonArray.Create(new[]
        {
            new BsonDocument { { "_id", "Disease:pain" }, { "n", 3 } },
            new BsonDocument { { "_id", "Chemical:ketamine" }, { "n", 2 } },
            new BsonDocument { { "_id", "Disease:depression" }, { "n", 3 } },
            new BsonDocument { { "_id", "Disease:anxiety" }, { "n", 1 } },
        });
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "aggregate"
            ? FakeReply.Of(new BsonDocument { { "cursor", new BsonDocument { { "id", 0L }, { "ns", "pipe.docs" }, { "firstBatch", groups } } }, { "ok", 1 } })
            : Default(c));
        var (client, store) = Connect(server);
        await using var _ = client;

        var facets = await store.FacetsAsync(new DocumentQuery(), null, null, 2, default);

        Assert.Equal(
            [new EntityFacet("Chemical", "ketamine", 2), new EntityFacet("Disease", "depression", 3), new EntityFacet("Disease", "pain", 3)],
            facets);
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(1000)\"}")]
    [InlineData("^.*$|(a+)+")]
    [InlineData("$gt")]
    public async Task User_text_never_becomes_an_operator_or_a_live_regex(string hostile)
    {
        await using var server = new FakeMongoServer(Default);
        var (client, store) = Connect(server);
        await using var _ = client;

        await store.SearchAsync(new DocumentQuery { Text = hostile, Source = hostile }, default);

        var match = server.ReceivedExceptHandshake.First(c => c.GetElement(0).Name == "aggregate")["pipeline"][0]["$match"].AsBsonDocument;
        var names = FieldNames(match).ToList();
        Assert.All(names.Where(n => n.StartsWith('$')), n => Assert.Contains(n, new[] { "$and", "$or", "$text", "$search", "$lte" }));
        var search = match["$and"][0]["$text"]["$search"].AsString;
        Assert.Matches("^(\"[\\p{L}\\p{N}_ ]+\" ?)*$", search);
        foreach (var regex in Values(match).OfType<BsonRegularExpression>())
        {
            Assert.Matches(regex.Pattern, "https://" + hostile.ToLowerInvariant() + "/"); // the pattern only matches the text literally
            Assert.DoesNotMatch(regex.Pattern, "https://example.com/");
        }
    }

    private static IEnumerable<string> FieldNames(BsonValue value) => value switch
    {
        BsonDocument d => d.Elements.SelectMany(e => FieldNames(e.Value).Prepend(e.Name)),
        BsonArray a => a.SelectMany(FieldNames),
        _ => [],
    };

    private static IEnumerable<BsonValue> Values(BsonValue value) => value switch
    {
        BsonDocument d => d.Values.SelectMany(Values),
        BsonArray a => a.SelectMany(Values),
        _ => [value],
    };
}
