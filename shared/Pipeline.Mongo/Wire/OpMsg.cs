using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using MongoDB.Bson;
using Pipeline.Mongo.Bson;

namespace Pipeline.Mongo.Wire;

/// <summary>OP_MSG encoding and decoding (opcode 2013), per the OP_MSG specification.</summary>
internal static class OpMsg
{
    public const int OpCode = 2013;
    public const int HeaderLength = 16;
    public const uint ChecksumPresent = 1u << 0;
    public const uint MoreToCome = 1u << 1;
    public const uint ExhaustAllowed = 1u << 16;

    // Bits 0-15 are "required": a receiver must fail on any it does not know.
    private const uint KnownRequiredBits = ChecksumPresent | MoreToCome;

    /// <summary>Encodes a whole message (header included).</summary>
    public static byte[] Encode(CommandMessage message, int requestId, int responseTo = 0, bool withChecksum = false)
    {
        using var stream = new MemoryStream();
        Span<byte> scratch = stackalloc byte[HeaderLength + 4];
        stream.Write(scratch); // placeholder for header + flags
        scratch = scratch[..4];
        stream.WriteByte(0);
        BsonIo.Write(stream, message.Body);
        foreach (var sequence in message.Sequences)
        {
            stream.WriteByte(1);
            var sizePosition = stream.Position;
            scratch.Clear();
            stream.Write(scratch);
            var name = Encoding.UTF8.GetBytes(sequence.Identifier);
            stream.Write(name);
            stream.WriteByte(0);
            foreach (var document in sequence.Documents)
            {
                BsonIo.Write(stream, document);
            }

            var end = stream.Position;
            stream.Position = sizePosition;
            BinaryPrimitives.WriteInt32LittleEndian(scratch, checked((int)(end - sizePosition)));
            stream.Write(scratch);
            stream.Position = end;
        }

        if (withChecksum)
        {
            scratch.Clear();
            stream.Write(scratch);
        }

        var bytes = stream.ToArray();
        uint flags = (message.MoreToCome ? MoreToCome : 0) | (withChecksum ? ChecksumPresent : 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), requestId);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), OpCode);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), flags);
        if (withChecksum)
        {
            var crc = Crc32C(bytes.AsSpan(0, bytes.Length - 4));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), crc);
        }

        return bytes;
    }

    /// <summary>Decodes a whole message (header included) into its header fields and command.</summary>
    public static (int RequestId, int ResponseTo, CommandMessage Message) Decode(byte[] bytes)
    {
        if (bytes.Length < HeaderLength + 4 + 1 + 5)
        {
            throw new MongoProtocolException($"An OP_MSG of {bytes.Length} bytes is too short.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var requestId = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var responseTo = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (length != bytes.Length)
        {
            throw new MongoProtocolException($"The message declares {length} bytes but {bytes.Length} were read.");
        }

        if (opCode != OpCode)
        {
            throw new MongoProtocolException($"Expected an OP_MSG (2013) reply but got opcode {opCode}.");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        if ((flags & 0xFFFF & ~KnownRequiredBits) != 0)
        {
            throw new MongoProtocolException($"The reply sets unknown required flag bits 0x{flags:X8}.");
        }

        var end = bytes.Length;
        if ((flags & ChecksumPresent) != 0)
        {
            end -= 4;
            var expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end));
            var actual = Crc32C(bytes.AsSpan(0, end));
            if (expected != actual)
            {
                throw new MongoProtocolException($"OP_MSG checksum mismatch: the message says {expected:X8}, the bytes give {actual:X8}.");
            }
        }

        BsonDocument? body = null;
        var sequences = new List<DocumentSequence>();
        var position = HeaderLength + 4;
        while (position < end)
        {
            var kind = bytes[position++];
            if (kind == 0)
            {
                if (body is not null)
                {
                    throw new MongoProtocolException("An OP_MSG must contain exactly one body section.");
                }

                var size = ReadSize(bytes, position, end);
                body = BsonIo.Read(bytes, position, size);
                position += size;
            }
            else if (kind == 1)
            {
                var size = ReadSize(bytes, position, end);
                var sectionEnd = position + size;
                var nameStart = position + 4;
                var nameEnd = Array.IndexOf(bytes, (byte)0, nameStart, sectionEnd - nameStart);
                if (nameEnd < 0)
                {
                    throw new MongoProtocolException("A document sequence identifier is not terminated.");
                }

                var identifier = Encoding.UTF8.GetString(bytes, nameStart, nameEnd - nameStart);
                var documents = new List<BsonDocument>();
                var p = nameEnd + 1;
                while (p < sectionEnd)
                {
                    var docSize = ReadSize(bytes, p, sectionEnd);
                    documents.Add(BsonIo.Read(bytes, p, docSize));
                    p += docSize;
                }

                sequences.Add(new DocumentSequence(identifier, documents));
                position = sectionEnd;
            }
            else
            {
                throw new MongoProtocolException($"Unknown OP_MSG section kind {kind}.");
            }
        }

        if (body is null)
        {
            throw new MongoProtocolException("An OP_MSG without a body section.");
        }

        return (requestId, responseTo, new CommandMessage(body, sequences, (flags & MoreToCome) != 0));
    }

    private static int ReadSize(byte[] bytes, int position, int end)
    {
        if (position + 4 > end)
        {
            throw new MongoProtocolException("A section runs past the end of the message.");
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
        if (size < 5 || position + size > end)
        {
            throw new MongoProtocolException($"A section of {size} bytes does not fit in the message.");
        }

        return size;
    }

    /// <summary>CRC-32C (Castagnoli), as the OP_MSG checksum requires; uses the CPU instruction when present.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
