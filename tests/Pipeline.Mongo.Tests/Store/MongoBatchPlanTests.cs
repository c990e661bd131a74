using MongoDB.Bson;
using MongoDB.Driver;
using Pipeline.Contracts;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>A batch of upserts as bulk writes: the requests rendered to BSON, and the outcomes decided in arrival order.</summary>
public sealed class MongoBatchPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddHours(1);

    private static MongoBatchPlan.Before Empty() => new(new Dictionary<Guid, (long, string, DateTimeOffset)>(), new Dictionary<string, List<Guid>>(), new HashSet<Guid>());

    private static BsonBinaryData Bson(Guid id) => new(id, GuidRepresentation.Standard);

    [Fact]
    public void A_batch_is_one_guarded_replacement_per_stored_document_and_one_duplicate_write_per_other()
    {
        var a = RealServerTests.Document("https://example.com/a", "A", "Ketamine text.", 3);
        var copy = RealServerTests.Document("inbox:///b.txt", "B", "Ketamine text.", 4);
        var older = RealServerTests.Document("https://example.com/x", "Old X", "Ketamine, older.", 1);
        var before = new MongoBatchPlan.Before(
            new Dictionary<Guid, (long, string, DateTimeOffset)> { [older.Id] = (2, "other", Start) },
            new Dictionary<string, List<Guid>> { ["other"] = [older.Id] },
            new HashSet<Guid>());

        var plan = MongoBatchPlan.Make([a, copy, a, older], before, Now);

        Assert.False(plan.OneByOne);
        Assert.Equal(
            [(StoreOutcome.Stored, null, Now), (StoreOutcome.Duplicate, a.Id, Now), (StoreOutcome.Unchanged, null, Now), (StoreOutcome.Unchanged, null, Start)],
            plan.Results.Select(r => (r.Outcome, r.DuplicateOf, r.StoredAt)));
        var replace = Assert.IsType<ReplaceOneModel<MongoDocumentRecord>>(Assert.Single(plan.DocumentWrites));
        Assert.True(replace.IsUpsert);
        Assert.Equal(new BsonDocument { { "_id", Bson(a.Id) }, { "version", new BsonDocument("$lt", 3L) } }, MongoRender.Filter(replace.Filter));
        Assert.Equal(MongoRender.Document(MongoDocumentMapper.ToRecord(a, Now)), MongoRender.Document(replace.Replacement));
        Assert.Equal([0], plan.DocumentWriteSources);

        Assert.Equal(2, plan.DuplicateWrites.Count);
        var removed = Assert.IsType<DeleteOneModel<MongoDuplicateRecord>>(plan.DuplicateWrites[0]);
        Assert.Equal(new BsonDocument("_id", Bson(a.Id)), MongoRender.Filter(removed.Filter));
        var recorded = Assert.IsType<ReplaceOneModel<MongoDuplicateRecord>>(plan.DuplicateWrites[1]);
        Assert.True(recorded.IsUpsert);
        Assert.Equal(new BsonDocument { { "_id", Bson(copy.Id) }, { "version", new BsonDocument("$lte", 4L) } }, MongoRender.Filter(recorded.Filter));
        Assert.Equal(Bson(a.Id), MongoRender.Document(recorded.Replacement)["duplicateOf"]);
    }

    [Fact]
    public void A_newer_version_in_the_same_batch_is_written_after_the_older_and_takes_its_text_over()
    {
        var first = RealServerTests.Document("https://example.com/c", "C", "First text.", 1);
        var second = RealServerTests.Document("https://example.com/c", "C2", "Second text.", 2);
        var copyOfFirst = RealServerTests.Document("inbox:///d.txt", "D", "First text.", 1);

        var plan = MongoBatchPlan.Make([first, second, copyOfFirst], Empty(), Now);

        // The first text has no holder once the second version is written: the copy is a document of its own.
        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Stored, StoreOutcome.Stored], plan.Results.Select(r => r.Outcome));
        Assert.Equal([0, 1, 2], plan.DocumentWriteSources);
        Assert.Equal(
            [new BsonDocument("$lt", 1L), new BsonDocument("$lt", 2L), new BsonDocument("$lt", 1L)],
            plan.DocumentWrites.Cast<ReplaceOneModel<MongoDocumentRecord>>().Select(w => MongoRender.Filter(w.Filter)["version"]));
    }

    [Fact]
    public void A_batch_that_needs_a_promotion_is_written_one_document_at_a_time()
    {
        var stored = RealServerTests.Document("https://example.com/a", "A", "Ketamine text.", 1);
        var changed = RealServerTests.Document("https://example.com/a", "A", "Other words now.", 2);
        var copy = RealServerTests.Document("inbox:///b.txt", "B", "Ketamine text.", 1);
        var other = RealServerTests.Document("https://example.com/o", "O", "Other words now.", 1);

        // The stored A changes its text while B points at it.
        var withDuplicate = new MongoBatchPlan.Before(
            new Dictionary<Guid, (long, string, DateTimeOffset)> { [stored.Id] = (1, stored.ContentHash, Start) },
            new Dictionary<string, List<Guid>> { [stored.ContentHash] = [stored.Id] },
            new HashSet<Guid> { stored.Id });
        Assert.True(MongoBatchPlan.Make([changed], withDuplicate, Now).OneByOne);

        // The same, with B recorded earlier in the batch.
        Assert.True(MongoBatchPlan.Make([stored, copy, changed], Empty(), Now).OneByOne);

        // The stored A takes a text O already holds: A becomes a duplicate, and its own place must be handed on first.
        Assert.True(MongoBatchPlan.Make([stored, other, changed], Empty(), Now).OneByOne);

        // Without duplicates pointing at it, A simply changes its text.
        Assert.False(MongoBatchPlan.Make([stored, changed], Empty(), Now).OneByOne);
    }

    [Fact]
    public void The_reads_before_a_batch_are_three_in_queries()
    {
        var ids = new[] { Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7") };

        Assert.Equal(new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids.Select(Bson)))), MongoRender.Filter(MongoDocumentStore.StoredIn(ids)));
        Assert.Equal(new BsonDocument("contentHash", new BsonDocument("$in", new BsonArray { "h1", "h2" })), MongoRender.Filter(MongoDocumentStore.HoldersOf(["h1", "h2"])));
        Assert.Equal(new BsonDocument("duplicateOf", new BsonDocument("$in", new BsonArray(ids.Select(Bson)))), MongoRender.Filter(MongoDocumentStore.DuplicatesOf(ids)));
    }
}
