using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>A single-document write failed (e.g. duplicate key). <see cref="WriteError"/> says why.</summary>
public sealed class MongoWriteException : MongoServerException
{
    public MongoWriteException(WriteError writeError, WriteConcernError? writeConcernError, BsonDocument result, MongoServerAddress? serverAddress = null)
        : base($"Write error {writeError.Code} ({writeError.Category}): {writeError.Message}", result, serverAddress)
    {
        WriteError = writeError;
        WriteConcernError = writeConcernError;
    }

    public WriteError WriteError { get; }

    public WriteConcernError? WriteConcernError { get; }
}
