using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Tests.Client;

/// <summary>The client against a scripted server: typed errors, retries, cursors, checksums, compatibility.</summary>
public sealed class FakeServerClientTests
{
    private static MongoClient Direct(FakeMongoServer server, string options = "") =>
        new(new MongoClientSettings(MongoUrl.Parse($"mongodb://{server.Address}/?directConnection=true&serverSelectionTimeoutMS=2000{options}")) { MinHeartbeatInterval = TimeSpan.FromMilliseconds(10) });

    private static BsonDocument WriteError(int code, string message) => new()
    {
        { "ok", 1 },
        { "n", 0 },
        { "writeErrors", new BsonArray { new BsonDocument { { "index", 0 }, { "code", code }, { "errmsg", message } } } },
    };

    [Fact]
    public async Task A_duplicate_key_is_a_typed_write_error()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "insert" ? FakeReply.Of(WriteError(11000, "E11000 duplicate key error")) : null);
        await using var client = Direct(server);
        var ex = await Assert.ThrowsAsync<MongoWriteException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Equal(ServerErrorCategory.DuplicateKey, ex.WriteError.Category);
        Assert.Equal(11000, ex.WriteError.Code);
        Assert.Null(ex.WriteConcernError);
    }

    [Fact]
    public async Task A_write_concern_error_is_typed_and_not_retried_without_the_label()
    {
        var reply = BsonDocument.Parse("{ ok: 1, n: 1, writeConcernError: { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errInfo: { wtimeout: true } } }");
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "insert" ? FakeReply.Of(reply) : null);
        server.Hello = FakeMongoServer.StandardHello("rs", hosts: [server.Address]);
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs&serverSelectionTimeoutMS=2000&w=majority&wtimeoutMS=100");
        var ex = await Assert.ThrowsAsync<MongoWriteConcernException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Equal(64, ex.WriteConcernError.Code);
        Assert.True(ex.WriteConcernError.Details!["wtimeout"].AsBoolean);
        var insert = Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
        Assert.Equal(BsonDocument.Parse("{ w: 'majority', wtimeout: 100 }"), insert["writeConcern"]);
        Assert.True(insert.Contains("txnNumber"));
    }

    [Fact]
    public async Task An_ordered_insert_many_reports_the_failing_index()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "insert"
            ? FakeReply.Of(BsonDocument.Parse("{ ok: 1, n: 1, writeErrors: [ { index: 1, code: 11000, errmsg: 'dup' } ] }"))
            : null);
        await using var client = Direct(server);
        var ex = await Assert.ThrowsAsync<MongoBulkWriteException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertManyAsync([new BsonDocument("_id", 1), new BsonDocument("_id", 1), new BsonDocument("_id", 2)]));
        Assert.Equal(1, Assert.Single(ex.WriteErrors).Index);
        Assert.Equal(1, ex.InsertedCount);
    }

    [Fact]
    public async Task A_command_error_carries_code_name_and_labels()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "find"
            ? FakeReply.Of(BsonDocument.Parse("{ ok: 0, code: 2, codeName: 'BadValue', errmsg: '$or must be an array', errorLabels: ['Whatever'] }"))
            : null);
        await using var client = Direct(server);
        var ex = await Assert.ThrowsAsync<MongoCommandException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").FindAsync(BsonDocument.Parse("{ $or: true }")));
        Assert.Equal(2, ex.Code);
        Assert.Equal("BadValue", ex.CodeName);
        Assert.Contains("Whatever", ex.ErrorLabels);
    }

    [Fact]
    public async Task Standalone_writes_carry_a_session_but_no_transaction_number()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "insert" ? FakeReply.Of(BsonDocument.Parse("{ ok: 1, n: 1 }")) : null);
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=2000");
        await client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1));
        var insert = Assert.Single(server.ReceivedExceptHandshake);
        Assert.True(insert.Contains("lsid"));
        Assert.False(insert.Contains("txnNumber"));
        Assert.Equal("db", insert["$db"].AsString);
    }

    [Fact]
    public async Task The_highest_cluster_time_seen_is_gossiped_back()
    {
        var times = new Queue<uint>([5, 9, 7, 8]);
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "ping"
            ? FakeReply.Of(new BsonDocument
            {
                { "ok", 1 },
                { "$clusterTime", new BsonDocument { { "clusterTime", new BsonTimestamp((int)times.Dequeue(), 1) }, { "signature", new BsonDocument { { "hash", new BsonBinaryData(new byte[20]) }, { "keyId", 0L } } } } },
            })
            : null);
        server.Hello = FakeMongoServer.StandardHello("rs", hosts: [server.Address]);
        await using var client = new MongoClient($"mongodb://{server.Address}/?replicaSet=rs&serverSelectionTimeoutMS=2000");
        for (var i = 0; i < 4 && times.Count > 0; i++)
        {
            await client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1));
        }

        var sent = server.ReceivedExceptHandshake.Select(c => c.GetValue("$clusterTime", BsonNull.Value)).ToList();
        Assert.True(sent[0].IsBsonNull);
        Assert.Equal([5, 9, 9], sent.Skip(1).Select(t => t["clusterTime"].AsBsonTimestamp.Timestamp));
    }

    [Fact]
    public async Task A_server_older_than_6_0_is_refused()
    {
        await using var server = new FakeMongoServer();
        server.Hello = FakeMongoServer.StandardHello(null, maxWireVersion: 13);
        await using var client = Direct(server);
        var ex = await Assert.ThrowsAsync<MongoIncompatibleDriverException>(() => client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Contains("requires at least 17 (MongoDB 6.0)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_newer_than_this_client_supports_is_refused()
    {
        await using var server = new FakeMongoServer();
        server.Hello = FakeMongoServer.StandardHello(null, maxWireVersion: 40).Set("minWireVersion", 35);
        await using var client = Direct(server);
        var ex = await Assert.ThrowsAsync<MongoIncompatibleDriverException>(() => client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Contains("requires wire version 35", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(25)]
    [InlineData(27)]
    public async Task MongoDB_6_0_to_8_x_are_accepted(int maxWireVersion)
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "ping" ? FakeReply.Of(new BsonDocument("ok", 1)) : null);
        server.Hello = FakeMongoServer.StandardHello(null, maxWireVersion: maxWireVersion);
        await using var client = Direct(server);
        Assert.Equal(1, (await client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)))["ok"].ToInt32());
    }

    [Fact]
    public async Task Replies_with_a_checksum_are_verified()
    {
        var good = true;
        await using var server = new FakeMongoServer(c =>
        {
            if (c.GetElement(0).Name != "ping")
            {
                return null;
            }

            if (good)
            {
                return FakeReply.Of(new BsonDocument("ok", 1), withChecksum: true);
            }

            return null;
        });
        await using var client = Direct(server);
        Assert.Equal(1, (await client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)))["ok"].ToInt32());

        // A corrupted reply (checksum no longer matches) is a protocol error, never silently accepted.
        good = false;
        server.Handler = c =>
        {
            if (c.GetElement(0).Name != "ping")
            {
                return null;
            }

            var bytes = OpMsg.Encode(new CommandMessage(new BsonDocument("ok", 1)), requestId: 5, responseTo: 0, withChecksum: true);
            bytes[^5] ^= 0xFF;
            return new FakeReply.Raw(bytes);
        };
        await Assert.ThrowsAsync<MongoProtocolException>(() => client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)));
    }

    [Fact]
    public async Task Disposing_an_unfinished_cursor_kills_it_on_the_server()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name switch
        {
            "find" => FakeReply.Of(BsonDocument.Parse("{ ok: 1, cursor: { id: NumberLong(77), ns: 'db.c', firstBatch: [ { _id: 1 }, { _id: 2 } ] } }")),
            "killCursors" => FakeReply.Of(BsonDocument.Parse("{ ok: 1, cursorsKilled: [ NumberLong(77) ] }")),
            _ => null,
        });
        await using var client = Direct(server);
        await using (var cursor = await client.GetDatabase("db").GetCollection<BsonDocument>("c").FindAsync([], new FindOptions { BatchSize = 2 }))
        {
            Assert.True(await cursor.MoveNextAsync());
            Assert.Equal(2, cursor.Current.Count());
        }

        var kill = Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "killCursors");
        Assert.Equal(BsonDocument.Parse("{ killCursors: 'c', cursors: [ NumberLong(77) ] }"), new BsonDocument(kill.Elements.Take(2)));
    }

    [Fact]
    public async Task A_read_is_retried_once_after_a_network_error()
    {
        var finds = 0;
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "find"
            ? Interlocked.Increment(ref finds) == 1 ? FakeReply.Close : FakeReply.Of(BsonDocument.Parse("{ ok: 1, cursor: { id: NumberLong(0), ns: 'db.c', firstBatch: [ { _id: 1 } ] } }"))
            : null);
        await using var client = Direct(server);
        var documents = await (await client.GetDatabase("db").GetCollection<BsonDocument>("c").FindAsync([])).ToListAsync();
        Assert.Single(documents);
        Assert.Equal(2, finds);
    }

    [Fact]
    public async Task Without_retryReads_a_network_error_surfaces()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "find" ? FakeReply.Close : null);
        await using var client = Direct(server, "&retryReads=false");
        await Assert.ThrowsAsync<MongoConnectionException>(() => client.GetDatabase("db").GetCollection<BsonDocument>("c").FindAsync([]));
        Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "find");
    }

    [Fact]
    public async Task Unacknowledged_writes_expect_no_reply_and_use_no_session()
    {
        await using var server = new FakeMongoServer(c => c.GetElement(0).Name == "ping" ? FakeReply.Of(new BsonDocument("ok", 1)) : null);
        await using var client = Direct(server, "&w=0");
        await client.GetDatabase("db").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1));
        await client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)); // same connection: proves nothing was left unread
        var insert = Assert.Single(server.ReceivedExceptHandshake, c => c.GetElement(0).Name == "insert");
        Assert.False(insert.Contains("lsid"));
        Assert.Equal(0, insert["writeConcern"]["w"].AsInt32);
    }

    [Fact]
    public async Task No_reachable_server_times_out_with_a_description()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var client = new MongoClient($"mongodb://127.0.0.1:{port}/?serverSelectionTimeoutMS=300&connectTimeoutMS=200");
        var ex = await Assert.ThrowsAsync<MongoTimeoutException>(() => client.GetDatabase("db").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Contains($"127.0.0.1:{port} Unknown", ex.Message, StringComparison.Ordinal);
    }
}
