using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Client;

/// <summary>Live discovery over scripted hello replies from several fake servers.</summary>
public sealed class PrimaryDiscoveryTests
{
    private static FakeReply? AcceptInserts(BsonDocument command) =>
        command.GetElement(0).Name == "insert" ? FakeReply.Of(BsonDocument.Parse("{ ok: 1, n: 1 }")) : null;

    private static BsonDocument Member(bool primary, string[] hosts, int electionId = 1) =>
        FakeMongoServer.StandardHello("rs", primary, hosts)
            .Add("electionId", primary ? new ObjectId($"{electionId:D24}") : BsonNull.Value)
            .Add("primary", BsonNull.Value);

    private static MongoClient Client(string seeds) =>
        new(new MongoClientSettings(MongoUrl.Parse($"mongodb://{seeds}/?replicaSet=rs&serverSelectionTimeoutMS=3000")) { MinHeartbeatInterval = TimeSpan.FromMilliseconds(10) });

    [Fact]
    public async Task Finds_the_primary_through_a_secondary_seed()
    {
        await using var a = new FakeMongoServer(AcceptInserts);
        await using var b = new FakeMongoServer(AcceptInserts);
        string[] hosts = [a.Address, b.Address];
        a.Hello = Member(primary: false, hosts);
        b.Hello = Member(primary: true, hosts);
        await using var client = Client(a.Address);

        await client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1));

        Assert.Single(b.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
        Assert.DoesNotContain(a.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
        Assert.Contains("ReplicaSetWithPrimary", client.DescribeTopology(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_primaries_the_one_with_the_newer_election_wins()
    {
        await using var a = new FakeMongoServer(AcceptInserts);
        await using var b = new FakeMongoServer(AcceptInserts);
        string[] hosts = [a.Address, b.Address];
        a.Hello = Member(primary: true, hosts, electionId: 1);
        b.Hello = Member(primary: true, hosts, electionId: 2);
        await using var client = Client($"{a.Address},{b.Address}");

        for (var i = 0; i < 3; i++)
        {
            await client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", i));
        }

        Assert.Equal(3, b.ReceivedExceptHandshake.Count(c => c.GetElement(0).Name == "insert"));
        Assert.DoesNotContain(a.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
    }

    [Fact]
    public async Task After_not_primary_the_write_is_retried_on_the_new_primary_with_the_same_transaction()
    {
        await using var a = new FakeMongoServer(AcceptInserts);
        await using var b = new FakeMongoServer(AcceptInserts);
        string[] hosts = [a.Address, b.Address];
        a.Hello = Member(primary: true, hosts, electionId: 1);
        b.Hello = Member(primary: false, hosts);
        await using var client = Client($"{a.Address},{b.Address}");
        var collection = client.GetDatabase("db").GetCollection<BsonDocument>("c");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        // Election: b takes over; a refuses writes the way a stepped-down primary does.
        a.Hello = Member(primary: false, hosts);
        b.Hello = Member(primary: true, hosts, electionId: 2);
        a.Handler = c => c.GetElement(0).Name == "insert"
            ? FakeReply.Of(BsonDocument.Parse("{ ok: 0, code: 10107, codeName: 'NotWritablePrimary', errmsg: 'not primary', errorLabels: ['RetryableWriteError'] }"))
            : null;
        await collection.InsertOneAsync(new BsonDocument("_id", 2));

        var failed = a.ReceivedExceptHandshake.Last(c => c.GetElement(0).Name == "insert");
        var retried = Assert.Single(b.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
        Assert.Equal(2, failed["documents"][0]["_id"].AsInt32);
        Assert.Equal(failed["lsid"], retried["lsid"]);
        Assert.Equal(failed["txnNumber"], retried["txnNumber"]);

        // And later writes go straight to the new primary.
        await collection.InsertOneAsync(new BsonDocument("_id", 3));
        Assert.Equal(2, b.ReceivedExceptHandshake.Count(c => c.GetElement(0).Name == "insert"));
    }

    [Fact]
    public async Task A_replica_set_name_mismatch_is_never_selected()
    {
        await using var a = new FakeMongoServer(AcceptInserts);
        a.Hello = FakeMongoServer.StandardHello("other", true, [a.Address]);
        await using var client = new MongoClient($"mongodb://{a.Address}/?replicaSet=rs&serverSelectionTimeoutMS=300");
        await Assert.ThrowsAsync<MongoTimeoutException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.DoesNotContain(a.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
    }
}
