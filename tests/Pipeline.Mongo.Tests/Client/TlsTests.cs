using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Client;

/// <summary>tls=true over a fake server with a self-signed certificate.</summary>
public sealed class TlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static FakeReply? Ping(BsonDocument command) => command.GetElement(0).Name == "ping" ? FakeReply.Of(new BsonDocument("ok", 1)) : null;

    [Fact]
    public async Task Talks_tls_when_asked()
    {
        using var certificate = SelfSigned();
        await using var server = new FakeMongoServer(Ping, certificate);
        await using var client = new MongoClient($"mongodb://{server.Address}/?tls=true&tlsAllowInvalidCertificates=true&serverSelectionTimeoutMS=3000");
        var reply = await client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1));
        Assert.Equal(1, reply["ok"].ToInt32());
        Assert.Contains(server.Received, c => c.GetElement(0).Name == "ping");
    }

    [Fact]
    public async Task Refuses_an_untrusted_certificate_by_default()
    {
        using var certificate = SelfSigned();
        await using var server = new FakeMongoServer(Ping, certificate);
        await using var client = new MongoClient($"mongodb://{server.Address}/?tls=true&serverSelectionTimeoutMS=300");
        var ex = await Assert.ThrowsAsync<MongoTimeoutException>(() => client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Contains("Could not connect", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_plain_client_cannot_talk_to_a_tls_server()
    {
        using var certificate = SelfSigned();
        await using var server = new FakeMongoServer(Ping, certificate);
        await using var client = new MongoClient($"mongodb://{server.Address}/?serverSelectionTimeoutMS=300&connectTimeoutMS=200");
        await Assert.ThrowsAsync<MongoTimeoutException>(() => client.GetDatabase("admin").RunCommandAsync(new BsonDocument("ping", 1)));
        Assert.Empty(server.Received);
    }
}
