using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Client;

public sealed class ConnectionPoolTests
{
    private static FakeReply? SlowPing(BsonDocument command, int delayMs)
    {
        if (command.GetElement(0).Name != "ping")
        {
            return null;
        }

        Thread.Sleep(delayMs);
        return FakeReply.Of(new BsonDocument("ok", 1));
    }

    [Fact]
    public async Task Sequential_operations_reuse_one_connection()
    {
        await using var server = new FakeMongoServer(c => SlowPing(c, 0));
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=2000");
        for (var i = 0; i < 5; i++)
        {
            await client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1));
        }

        // One discovery check plus one pooled connection.
        Assert.Equal(2, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Max_pool_size_bounds_concurrent_connections()
    {
        await using var server = new FakeMongoServer(c => SlowPing(c, 20));
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=5000&maxPoolSize=2");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1))));

        Assert.Equal(8, server.ReceivedExceptHandshake.Count());
        Assert.True(server.ConnectionsAccepted <= 3, $"{server.ConnectionsAccepted} connections for maxPoolSize=2 plus one check");
    }

    [Fact]
    public async Task A_full_pool_times_out_after_waitQueueTimeoutMS()
    {
        // The first ping holds the only connection until the second has timed out waiting for it; the server
        // signals when it has the first ping, so the test does not depend on how fast a loaded machine gets there.
        using var secondDone = new ManualResetEventSlim();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new FakeMongoServer(c =>
        {
            if (c.GetElement(0).Name != "ping")
            {
                return null;
            }

            firstArrived.TrySetResult();
            secondDone.Wait(TimeSpan.FromSeconds(10));
            return FakeReply.Of(new BsonDocument("ok", 1));
        });
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=5000&maxPoolSize=1&waitQueueTimeoutMS=100");
        var slow = client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1));
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<MongoTimeoutException>(() => client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Contains("maxPoolSize 1", ex.Message, StringComparison.Ordinal);
        secondDone.Set();
        await slow;
    }

    /// <remarks>RunCommand is never retried (retryable-reads specification), so the network error surfaces.</remarks>
    [Fact]
    public async Task A_broken_connection_is_replaced_not_reused()
    {
        var pings = 0;
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "ping"
            ? Interlocked.Increment(ref pings) == 2 ? FakeReply.Close : FakeReply.Of(new BsonDocument("ok", 1))
            : null);
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=2000");
        var db = client.GetDatabase("admin");
        await db.RunCommandAsync(new BsonDocument("ping", 1));
        await Assert.ThrowsAsync<MongoConnectionException>(() => db.RunCommandAsync(new BsonDocument("ping", 1)));
        await db.RunCommandAsync(new BsonDocument("ping", 1));
        Assert.Equal(3, pings);
        Assert.True(server.ConnectionsAccepted >= 3, "the failed connection was not replaced");
    }
}
