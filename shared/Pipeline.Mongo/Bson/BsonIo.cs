using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Pipeline.Mongo.Bson;

/// <summary>
/// The only place BSON bytes are produced or consumed. Everything is read into <see cref="BsonDocument"/>:
/// nothing from the network is ever deserialized into <c>object</c> or a polymorphic type.
/// </summary>
internal static class BsonIo
{
    // UUIDs are written as the bytes they hold (subtype 4 stays subtype 4); the 2.x default would
    // reinterpret them with the C# legacy byte order. These settings are local, not process-wide.
#pragma warning disable CS0618 // GuidRepresentation on reader/writer settings is the 2.x way to opt out of legacy UUIDs.
    private static readonly BsonBinaryWriterSettings WriterSettings = new()
    {
        GuidRepresentation = GuidRepresentation.Unspecified,
        MaxDocumentSize = int.MaxValue,
    };

    private static readonly BsonBinaryReaderSettings ReaderSettings = new()
    {
        GuidRepresentation = GuidRepresentation.Unspecified,
        MaxDocumentSize = int.MaxValue,
    };
#pragma warning restore CS0618

    /// <summary>Writes a document at the stream's position and returns its length in bytes.</summary>
    public static int Write(Stream stream, BsonDocument document)
    {
        var start = stream.Position;
        using (var writer = new BsonBinaryWriter(stream, WriterSettings))
        {
            BsonDocumentSerializer.Instance.Serialize(BsonSerializationContext.CreateRoot(writer), document);
        }

        return checked((int)(stream.Position - start));
    }

    public static byte[] ToBytes(BsonDocument document)
    {
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads exactly one document occupying exactly <paramref name="count"/> bytes; trailing or missing
    /// bytes are a protocol error.
    /// </summary>
    public static BsonDocument Read(byte[] buffer, int offset, int count)
    {
        if (count < 5)
        {
            throw new MongoProtocolException($"A BSON document needs at least 5 bytes, got {count}.");
        }

        var declared = BitConverter.ToInt32(buffer, offset);
        if (declared != count)
        {
            throw new MongoProtocolException($"A BSON document declares {declared} bytes but {count} are available.");
        }

        try
        {
            using var stream = new MemoryStream(buffer, offset, count, writable: false);
            using var reader = new BsonBinaryReader(stream, ReaderSettings);
            var document = BsonDocumentSerializer.Instance.Deserialize(BsonDeserializationContext.CreateRoot(reader));
            if (stream.Position != count)
            {
                throw new MongoProtocolException("A BSON document ended before its declared length.");
            }

            return document;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or BsonException or ArgumentException or IOException)
        {
            throw new MongoProtocolException("Malformed BSON from the server: " + ex.Message, ex);
        }
    }

    public static BsonDocument Read(byte[] buffer) => Read(buffer, 0, buffer.Length);
}
