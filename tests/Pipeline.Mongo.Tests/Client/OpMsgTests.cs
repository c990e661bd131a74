using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Tests.Client;

public sealed class OpMsgTests
{
    private static CommandMessage Insert() => new(
        new BsonDocument { { "insert", "docs" }, { "ordered", true }, { "$db", "pipe" } },
        [new DocumentSequence("documents", [new BsonDocument("_id", 1), new BsonDocument("_id", 2)])]);

    [Fact]
    public void Crc32c_matches_the_standard_check_value() =>
        Assert.Equal(0xE3069283u, OpMsg.Crc32C(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Encodes_header_flags_body_and_document_sequence()
    {
        var bytes = OpMsg.Encode(Insert(), requestId: 7);
        Assert.Equal(bytes.Length, BinaryPrimitives.ReadInt32LittleEndian(bytes));
        Assert.Equal(7, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(2013, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(0, bytes[20]); // kind 0 body first
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(21));
        Assert.Equal(1, bytes[21 + bodyLength]); // then a kind 1 sequence
        var sequenceLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(22 + bodyLength));
        Assert.Equal(bytes.Length, 22 + bodyLength + sequenceLength);
        Assert.Equal("documents\0", Encoding.ASCII.GetString(bytes, 26 + bodyLength, 10));
    }

    [Fact]
    public void Decoding_folds_sequences_back_into_the_command()
    {
        var (requestId, _, message) = OpMsg.Decode(OpMsg.Encode(Insert(), requestId: 9));
        Assert.Equal(9, requestId);
        Assert.Equal(
            BsonDocument.Parse("{ insert: 'docs', ordered: true, $db: 'pipe', documents: [ { _id: 1 }, { _id: 2 } ] }"),
            message.ToMergedDocument());
    }

    [Fact]
    public void A_checksum_is_verified_when_present()
    {
        var bytes = OpMsg.Encode(Insert(), requestId: 1, withChecksum: true);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)) & 1);
        Assert.Equal("docs", OpMsg.Decode(bytes).Message.Body["insert"].AsString);

        bytes[30] ^= 0x01;
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(bytes));
    }

    [Fact]
    public void Unknown_required_flag_bits_are_refused_and_optional_ones_ignored()
    {
        var bytes = OpMsg.Encode(Insert(), requestId: 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 1u << 16);
        Assert.Equal("docs", OpMsg.Decode(bytes).Message.Body["insert"].AsString);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 1u << 5);
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(bytes));
    }

    [Fact]
    public void Malformed_messages_are_protocol_errors()
    {
        var bytes = OpMsg.Encode(new CommandMessage(new BsonDocument("ping", 1)), requestId: 1);
        var twoBodies = bytes.Concat(bytes[20..]).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(twoBodies, twoBodies.Length);
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(twoBodies));

        var wrongOpCode = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(wrongOpCode.AsSpan(12), 1);
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(wrongOpCode));

        var truncatedBody = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(truncatedBody.AsSpan(21), 500);
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(truncatedBody));

        var unknownKind = (byte[])bytes.Clone();
        unknownKind[20] = 7;
        Assert.Throws<MongoProtocolException>(() => OpMsg.Decode(unknownKind));
    }
}
