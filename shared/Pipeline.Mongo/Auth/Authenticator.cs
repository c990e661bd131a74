using System.Text;
using MongoDB.Bson;
using Pipeline.Mongo.Core;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Auth;

/// <summary>Runs the SASL conversation (<c>saslStart</c>/<c>saslContinue</c>) on a fresh connection.</summary>
internal static class Authenticator
{
    public static async Task AuthenticateAsync(MongoConnection connection, MongoCredential credential, BsonDocument hello, Func<string> nonceFactory, CancellationToken cancellationToken)
    {
        var mechanism = credential.Mechanism ?? Negotiate(hello);
        if (mechanism is not ("SCRAM-SHA-1" or "SCRAM-SHA-256"))
        {
            throw new MongoAuthenticationException($"The {mechanism} mechanism is not supported by Pipeline.Mongo; use SCRAM-SHA-256 or SCRAM-SHA-1.");
        }

        var scram = new ScramClient(mechanism, credential.Username!, credential.Password!, nonceFactory());
        try
        {
            var reply = await RunAsync(connection, new BsonDocument
            {
                { "saslStart", 1 },
                { "mechanism", mechanism },
                { "payload", Payload(scram.ClientFirstMessage) },
                { "options", new BsonDocument("skipEmptyExchange", true) },
                { "$db", credential.Source },
            }, cancellationToken);
            var conversationId = reply.GetValue("conversationId", 0);
            var clientFinal = scram.ProcessServerFirst(Text(reply));
            reply = await RunAsync(connection, Continue(conversationId, clientFinal, credential.Source), cancellationToken);
            scram.VerifyServerFinal(Text(reply));

            // Servers that ignore skipEmptyExchange want one more, empty, round.
            for (var round = 0; !reply.GetValue("done", false).ToBoolean(); round++)
            {
                if (round == 2)
                {
                    throw new MongoAuthenticationException("The SASL conversation did not finish.");
                }

                reply = await RunAsync(connection, Continue(conversationId, string.Empty, credential.Source), cancellationToken);
            }
        }
        catch (MongoCommandException ex)
        {
            throw new MongoAuthenticationException($"Authentication of '{credential.Username}' on '{credential.Source}' with {mechanism} failed: {ex.ErrorMessage}", ex);
        }
    }

    private static string Negotiate(BsonDocument hello)
    {
        if (hello.TryGetValue("saslSupportedMechs", out var mechs) && mechs.IsBsonArray
            && !mechs.AsBsonArray.Contains("SCRAM-SHA-256") && mechs.AsBsonArray.Contains("SCRAM-SHA-1"))
        {
            return "SCRAM-SHA-1";
        }

        return "SCRAM-SHA-256";
    }

    private static BsonDocument Continue(BsonValue conversationId, string payload, string source) => new()
    {
        { "saslContinue", 1 },
        { "conversationId", conversationId },
        { "payload", Payload(payload) },
        { "$db", source },
    };

    private static BsonBinaryData Payload(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Text(BsonDocument reply) =>
        reply.TryGetValue("payload", out var p) && p.IsBsonBinaryData
            ? Encoding.UTF8.GetString(p.AsBsonBinaryData.Bytes)
            : throw new MongoAuthenticationException("The server's SASL reply has no payload.");

    private static Task<BsonDocument> RunAsync(MongoConnection connection, BsonDocument command, CancellationToken cancellationToken) =>
        connection.RunCommandAsync(new CommandMessage(command), observe: false, cancellationToken);
}
