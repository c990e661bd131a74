using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Integration;

/// <summary>Against a real server (MONGODB_URL): the client's CRUD, errors and cursors, and the store's main paths.</summary>
public sealed class RealServerTests
{
    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    [MongoDbFact]
    public async Task Crud_cursors_and_duplicate_keys_work_on_a_real_server()
    {
        await using var client = new MongoClient(MongoDbFactAttribute.Url);
        var database = client.GetDatabase("pipeline_tests");
        var collection = database.GetCollection<BsonDocument>(UniqueName("crud"));
        try
        {
            await collection.InsertManyAsync(Enumerable.Range(1, 7).Select(i => new BsonDocument { { "_id", i }, { "x", i * 11 } }));
            var ex = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("_id", 1)));
            Assert.Equal(ServerErrorCategory.DuplicateKey, ex.WriteError.Category);

            var found = await (await collection.FindAsync(new BsonDocument("_id", new BsonDocument("$gt", 1)), new FindOptions { BatchSize = 2, Sort = new BsonDocument("_id", 1) })).ToListAsync();
            Assert.Equal([2, 3, 4, 5, 6, 7], found.Select(d => d["_id"].AsInt32));

            var upsert = await collection.UpdateOneAsync(new BsonDocument("_id", 99), new BsonDocument("$set", new BsonDocument("x", 1)), new UpdateOptions { IsUpsert = true });
            Assert.Equal(99, upsert.UpsertedId!.AsInt32);
            Assert.Equal(8, await collection.CountDocumentsAsync([]));
            Assert.Equal(1, (await collection.DeleteOneAsync(new BsonDocument("_id", 99))).DeletedCount);
            await collection.Indexes.CreateManyAsync([new CreateIndexModel(new BsonDocument("x", 1), new CreateIndexOptions { Unique = true })]);
            Assert.Contains(await (await collection.Indexes.ListAsync()).ToListAsync(), i => i["name"] == "x_1");
            await Assert.ThrowsAsync<MongoCommandException>(() => database.RunCommandAsync(new BsonDocument("noSuchCommand", 1)));
        }
        finally
        {
            await database.DropCollectionAsync(collection.CollectionName);
        }
    }

    [MongoDbFact]
    public async Task The_store_upserts_by_version_searches_and_facets_on_a_real_server()
    {
        await using var client = new MongoClient(MongoDbFactAttribute.Url);
        var options = new MongoStoreOptions { ConnectionString = MongoDbFactAttribute.Url, Database = "pipeline_tests", Collection = UniqueName("docs") };
        var store = new MongoDocumentStore(client, options);
        try
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
