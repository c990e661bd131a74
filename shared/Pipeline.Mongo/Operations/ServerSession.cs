using System.Security.Cryptography;
using MongoDB.Bson;

namespace Pipeline.Mongo.Operations;

/// <summary>A logical session (lsid) and its transaction counter, for implicit sessions and retryable writes.</summary>
internal sealed class ServerSession
{
    public ServerSession()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // RFC 4122 version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        Id = new BsonDocument("id", new BsonBinaryData(bytes, BsonBinarySubType.UuidStandard));
    }

    public BsonDocument Id { get; }

    public long TransactionNumber { get; private set; }

    public DateTime LastUsedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>A network error leaves the server-side session state unknown; the session is then not reused.</summary>
    public bool IsDirty { get; set; }

    public long NextTransactionNumber() => ++TransactionNumber;
}
