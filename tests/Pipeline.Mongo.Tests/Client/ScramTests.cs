using System.Text;
using MongoDB.Bson;
using Pipeline.Mongo.Auth;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Client;

/// <summary>The SCRAM conversations of the auth specification (user "user", password "pencil").</summary>
public sealed class ScramTests
{
    [Theory]
    [InlineData("SCRAM-SHA-1", "fyko+d2lbbFgONRv9qkxdawL", "r=fyko+d2lbbFgONRv9qkxdawLHo+Vgk7qvUOKUwuWLIWg4l/9SraGMHEE,s=rQ9ZY3MntBeuP3E1TDVC4w==,i=10000",
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawLHo+Vgk7qvUOKUwuWLIWg4l/9SraGMHEE,p=MC2T8BvbmWRckDw8oWl5IVghwCY=", "v=UMWeI25JD1yNYZRMpZ4VHvhZ9e0=")]
    [InlineData("SCRAM-SHA-256", "rOprNGfwEbeRWgbNEkqO", "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")]
    public void Reproduces_the_specification_conversation(string mechanism, string nonce, string serverFirst, string clientFinal, string serverFinal)
    {
        var scram = new ScramClient(mechanism, "user", "pencil", nonce);
        Assert.Equal($"n,,n=user,r={nonce}", scram.ClientFirstMessage);
        Assert.Equal(clientFinal, scram.ProcessServerFirst(serverFirst));
        scram.VerifyServerFinal(serverFinal);
    }

    [Fact]
    public void Rejects_a_server_that_does_not_know_the_password()
    {
        var scram = new ScramClient("SCRAM-SHA-256", "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        scram.ProcessServerFirst("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        Assert.Throws<MongoAuthenticationException>(() => scram.VerifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    }

    [Theory]
    [InlineData("r=rOprNGfwEbeRWgbNEkqO%hvYDp,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4095")]
    [InlineData("r=somebodyElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")]
    public void Rejects_downgrades_and_foreign_nonces(string serverFirst) =>
        Assert.Throws<MongoAuthenticationException>(() => new ScramClient("SCRAM-SHA-256", "user", "pencil", "rOprNGfwEbeRWgbNEkqO").ProcessServerFirst(serverFirst));

    [Fact]
    public void Escapes_comma_and_equals_in_user_names() =>
        Assert.Equal("n,,n=a=2Cb=3Dc,r=x", new ScramClient("SCRAM-SHA-1", "a,b=c", "p", "x").ClientFirstMessage);

    [Theory]
    [InlineData("IX", "IX")]
    [InlineData("I\u00ADX", "IX")]
    [InlineData("\u2168", "IX")]
    [InlineData("\u2163", "IV")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("user", "user")]
    [InlineData("\u00AA", "a")]
    public void Sasl_prep_maps_and_normalizes(string input, string expected) => Assert.Equal(expected, SaslPrep.Prepare(input));

    [Theory]
    [InlineData("a\u0007b")]
    [InlineData("\uE000")]
    [InlineData("\u0627\u0031")]
    [InlineData("a\u200Eb")]
    public void Sasl_prep_rejects_prohibited_input(string input) => Assert.Throws<MongoAuthenticationException>(() => SaslPrep.Prepare(input));

    [Fact]
    public async Task Authenticates_over_the_wire_with_the_specification_exchange()
    {
        await using var server = new FakeMongoServer();
        server.Hello = FakeMongoServer.StandardHello(null).Add("saslSupportedMechs", new BsonArray { "SCRAM-SHA-1", "SCRAM-SHA-256" });
        server.Handler = command => command.GetElement(0).Name switch
        {
            "saslStart" => FakeReply.Of(new BsonDocument { { "conversationId", 1 }, { "done", false }, { "payload", Bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096") }, { "ok", 1 } }),
            "saslContinue" => Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes) == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
                ? FakeReply.Of(new BsonDocument { { "conversationId", 1 }, { "done", true }, { "payload", Bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=") }, { "ok", 1 } })
                : FakeReply.Of(new BsonDocument { { "ok", 0 }, { "code", 18 }, { "codeName", "AuthenticationFailed" }, { "errmsg", "bad proof" } }),
            "ping" => FakeReply.Of(new BsonDocument("ok", 1)),
            _ => null,
        };
        var settings = new MongoClientSettings(MongoUrl.Parse($"mongodb://user:pencil@{server.Address}/?directConnection=true&serverSelectionTimeoutMS=3000")) { NonceFactory = () => "rOprNGfwEbeRWgbNEkqO" };
        await using var client = new MongoClient(settings);
        await client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1));
        var sent = server.Received.ToList();
        // The discovery check does not authenticate; the pooled connection's handshake asks for the user's mechanisms.
        var hellos = sent.Where(c => c.GetElement(0).Name == "hello").ToList();
        Assert.Contains(hellos, h => h.GetValue("saslSupportedMechs", BsonNull.Value) == "admin.user");
        Assert.All(hellos, h => Assert.Equal("Pipeline.Mongo", h["client"]["driver"]["name"].AsString));
        var start = sent.Single(c => c.GetElement(0).Name == "saslStart");
        Assert.Equal("SCRAM-SHA-256", start["mechanism"].AsString);
        Assert.True(start["options"]["skipEmptyExchange"].AsBoolean);
        Assert.Equal("admin", start["$db"].AsString);
        Assert.Equal("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", Encoding.UTF8.GetString(start["payload"].AsBsonBinaryData.Bytes));
    }

    [Fact]
    public async Task Scram_sha_1_runs_over_the_wire_when_asked_for()
    {
        await using var server = new FakeMongoServer(command => command.GetElement(0).Name switch
        {
            "saslStart" when command["mechanism"] == "SCRAM-SHA-1" => FakeReply.Of(new BsonDocument { { "conversationId", 1 }, { "done", false }, { "payload", Bytes("r=fyko+d2lbbFgONRv9qkxdawLHo+Vgk7qvUOKUwuWLIWg4l/9SraGMHEE,s=rQ9ZY3MntBeuP3E1TDVC4w==,i=10000") }, { "ok", 1 } }),
            "saslContinue" when Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes).EndsWith("p=MC2T8BvbmWRckDw8oWl5IVghwCY=", StringComparison.Ordinal)
                => FakeReply.Of(new BsonDocument { { "conversationId", 1 }, { "done", true }, { "payload", Bytes("v=UMWeI25JD1yNYZRMpZ4VHvhZ9e0=") }, { "ok", 1 } }),
            "ping" => FakeReply.Of(new BsonDocument("ok", 1)),
            "hello" => null,
            _ => FakeReply.Of(new BsonDocument { { "ok", 0 }, { "code", 18 }, { "errmsg", "unexpected" } }),
        });
        var settings = new MongoClientSettings(MongoUrl.Parse($"mongodb://user:pencil@{server.Address}/app?authMechanism=SCRAM-SHA-1&directConnection=true&serverSelectionTimeoutMS=3000")) { NonceFactory = () => "fyko+d2lbbFgONRv9qkxdawL" };
        await using var client = new MongoClient(settings);
        await client.GetDatabase("app").RunCommandAsync(new BsonDocument("ping", 1));
        Assert.Equal("app", server.Received.Single(c => c.GetElement(0).Name == "saslStart")["$db"].AsString);
        Assert.DoesNotContain(server.Received, c => c.Contains("saslSupportedMechs"));
    }

    [Fact]
    public async Task Wrong_credentials_raise_an_authentication_error()
    {
        await using var server = new FakeMongoServer(command => command.GetElement(0).Name == "saslStart"
            ? FakeReply.Of(new BsonDocument { { "ok", 0 }, { "code", 18 }, { "codeName", "AuthenticationFailed" }, { "errmsg", "Authentication failed." } })
            : null);
        await using var client = new MongoClient($"mongodb://user:wrong@{server.Address}/?directConnection=true&serverSelectionTimeoutMS=2000");
        await Assert.ThrowsAsync<MongoAuthenticationException>(() => client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1)));
    }

    private static BsonBinaryData Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
