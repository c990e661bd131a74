using Pipeline.Tests.Shared;
using MongoDB.Driver;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Integration;

/// <summary>Against a real server: the store's main paths, its indexes, crawl state and the start-up failure line.</summary>
[Collection(MongoServerCollection.Name)]
public sealed class RealServerTests(MongoServerFixture server)
{
    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    [MongoDbFact]
    public async Task The_store_upserts_by_version_searches_and_facets_on_a_real_server()
    {
        await WithStoreAsync(async store =>
        {
            var v2 = Document("https://example.com/a", "Ketamine and pain", "Ketamine eases chronic pain.", 2);
            Assert.Equal(StoreOutcome.Stored, (await store.UpsertAsync(v2, default)).Outcome);
            Assert.Equal(StoreOutcome.Unchanged, (await store.UpsertAsync(v2 with { Version = 1, Title = "Old" }, default)).Outcome);
            Assert.Equal("Ketamine and pain", (await store.GetAsync(v2.Id, default))!.Title);
            Assert.Equal(StoreOutcome.Duplicate, (await store.UpsertAsync(Document("inbox:///copy.txt", "Copy", "Ketamine eases chronic pain.", 1), default)).Outcome);

            var page = await store.SearchAsync(new DocumentQuery { Text = "ketamine", Entities = [EntityKey.Parse("Chemical:ketamine")] }, default);
            Assert.Equal(v2.Id, Assert.Single(page.Hits).Id);
            Assert.Empty((await store.SearchAsync(new DocumentQuery { Text = "{\"$where\": \"sleep(1000)\"}", Source = ".*" }, default)).Hits);
            Assert.Contains(new EntityFacet("Chemical", "ketamine", 1), await store.FacetsAsync(new DocumentQuery(), null, null, 10, default));
            await store.PingAsync(default);
        });
    }

    [MongoDbFact]
    public async Task Crawl_definitions_and_fetch_state_round_trip_on_a_real_server()
    {
        await WithStoreAsync(async store =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var crawl = new CrawlDefinition("news", ["https://n.example/"], TimeSpan.FromHours(6), null, 2, 100, "same-host", false, now);
            await store.SaveCrawlAsync(crawl, default);
            await store.SaveCrawlAsync(crawl with { Depth = 3 }, default);
            await store.SaveFetchStateAsync(new FetchState("https://n.example/a", "news", null, null, null, null, now.AddMinutes(-1), 0, null, false, TimeSpan.FromHours(6)), default);
            await store.SaveFetchStateAsync(new FetchState("https://n.example/b", "news", null, null, null, null, now.AddHours(1), 0, null, false, TimeSpan.FromHours(6)), default);
            await store.SaveFetchStateAsync(new FetchState("https://n.example/c", "news", null, null, null, null, null, 9, "500", true, TimeSpan.FromHours(6)), default);
            await store.SaveFetchStateAsync(new FetchState("https://n.example/d", "news", null, null, null, null, null, 0, null, false, TimeSpan.FromHours(6)), default);

            var due = await store.ListDueAsync("news", now, 10, default);
            var stored = await store.GetCrawlAsync("news", default);

            Assert.NotNull(stored);
            Assert.Equal(3, stored.Depth);
            Assert.Equal(crawl.Seeds, stored.Seeds);
            Assert.Equal(crawl.UpdatedAt, stored.UpdatedAt);
            Assert.Equal(["https://n.example/d", "https://n.example/a"], due.Select(d => d.Url));
            Assert.Single(await store.ListCrawlsAsync(default));
            Assert.True(await store.DeleteCrawlAsync("news", default));
            Assert.False(await store.DeleteCrawlAsync("news", default));
            Assert.Empty(await store.ListCrawlsAsync(default));
            Assert.Null(await store.GetFetchStateAsync("https://n.example/a", default));
        });
    }

    [MongoDbFact]
    public async Task The_documented_indexes_exist_after_start()
    {
        await WithStoreAsync(async (store, database, collection) =>
        {
            await store.InitializeAsync(default);
            var indexes = await (await database.GetCollection<MongoDB.Bson.BsonDocument>(collection).Indexes.ListAsync()).ToListAsync();
            var names = indexes.Select(i => i["name"].AsString).ToList();
            Assert.Contains("text_title_text", names);
            Assert.Contains("entityKeys_1", names);
            Assert.Contains("published_-1", names);
            Assert.Contains("contentHash_1", names);
            Assert.True(indexes.Single(i => i["name"] == "source.uri_1")["unique"].AsBoolean);
        });
    }

    private Task WithStoreAsync(Func<MongoDocumentStore, Task> test) => WithStoreAsync((store, _, _) => test(store));

    private async Task WithStoreAsync(Func<MongoDocumentStore, IMongoDatabase, string, Task> test)
    {
        using var client = new MongoClient(server.ConnectionString);
        var options = new MongoStoreOptions { ConnectionString = server.ConnectionString, Database = "pipeline_tests", Collection = UniqueName("docs") };
        var database = client.GetDatabase(options.Database);
        using var store = new MongoDocumentStore(client, options);
        try
        {
            await test(store, database, options.Collection);
        }
        finally
        {
            foreach (var suffix in new[] { string.Empty, ".duplicates", ".crawls", ".fetchState", ".outcomes", ".crawlRuns", ".templateSites", ".templateLines", ".templateDocuments" })
            {
                await database.DropCollectionAsync(options.Collection + suffix);
            }
        }
    }

    internal static StoredDocument Document(string uri, string title, string text, long version)
    {
        var mentions = new List<EntityMention> { new("Chemical", "Ketamine", 0, 8, "ketamine", null) };
        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource(uri.StartsWith("http", StringComparison.Ordinal) ? "web" : "inbox", uri, uri),
            Title = title,
            Text = text,
            Language = "en",
            FetchedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Version = version,
            ContentHash = ContentHashing.Hash(text),
            Entities = mentions,
            EntityKeys = StoredDocuments.EntityKeysOf(mentions),
        };
    }
}
