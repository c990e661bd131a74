using MongoDB.Bson;

namespace Pipeline.Mongo.Operations;

/// <summary>Reads a write command's reply and raises the typed error it carries.</summary>
internal static class WriteReply
{
    public static List<WriteError> WriteErrors(BsonDocument reply, int indexOffset = 0) =>
        reply.TryGetValue("writeErrors", out var errors) && errors.IsBsonArray
            ? errors.AsBsonArray.Where(e => e.IsBsonDocument).Select(e => WriteError.FromBson(e.AsBsonDocument) is var w ? w with { Index = w.Index + indexOffset } : null!).ToList()
            : [];

    public static WriteConcernError? WriteConcern(BsonDocument reply) =>
        reply.TryGetValue("writeConcernError", out var wce) && wce.IsBsonDocument ? WriteConcernError.FromBson(wce.AsBsonDocument, reply) : null;

    /// <summary>For single-document writes: a write error wins, then a write-concern error.</summary>
    public static void ThrowIfFailed(BsonDocument reply, MongoServerAddress? address = null)
    {
        var errors = WriteErrors(reply);
        var wce = WriteConcern(reply);
        if (errors.Count > 0)
        {
            throw new MongoWriteException(errors[0], wce, reply, address);
        }

        if (wce is not null)
        {
            throw new MongoWriteConcernException(wce, reply, address);
        }
    }

    public static long Count(BsonDocument reply, string name) =>
        reply.TryGetValue(name, out var v) && v.IsNumeric ? v.ToInt64() : 0;
}
