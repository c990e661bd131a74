using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>The crawl-state half of the port, through the client, on the emulated server and (with MONGODB_URL) a real one.</summary>
public sealed class MongoCrawlStateTests
{
    [Fact]
    public async Task Crawl_definitions_and_fetch_state_round_trip_on_the_emulated_server()
    {
        var emulator = new MiniMongo();
        await using var server = new FakeMongoServer(emulator.Handle);
        await RoundTripAsync($"mongodb://{server.Address}/?serverSelectionTimeoutMS=3000");
    }

    [MongoDbFact]
    public Task Crawl_definitions_and_fetch_state_round_trip_on_a_real_server() => RoundTripAsync(MongoDbFactAttribute.Url);

    private static async Task RoundTripAsync(string connectionString)
    {
        var options = new MongoStoreOptions { ConnectionString = connectionString, Database = "pipeline_tests", Collection = $"crawl_{Guid.NewGuid():N}" };
        await using var client = new MongoClient(connectionString);
        var store = new MongoDocumentStore(client, options);
        try
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
        }
        finally
        {
            var database = client.GetDatabase(options.Database);
            foreach (var suffix in new[] { string.Empty, ".duplicates", ".crawls", ".fetchState" })
            {
                await database.DropCollectionAsync(options.Collection + suffix);
            }
        }
    }
}
