using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>Some documents of a multi-document write failed; <see cref="WriteErrors"/> carries their indexes.</summary>
public sealed class MongoBulkWriteException : MongoServerException
{
    public MongoBulkWriteException(IReadOnlyList<WriteError> writeErrors, WriteConcernError? writeConcernError, long insertedCount, BsonDocument result, MongoServerAddress? serverAddress = null)
        : base(BuildMessage(writeErrors, writeConcernError), result, serverAddress)
    {
        WriteErrors = writeErrors;
        WriteConcernError = writeConcernError;
        InsertedCount = insertedCount;
    }

    public IReadOnlyList<WriteError> WriteErrors { get; }

    public WriteConcernError? WriteConcernError { get; }

    /// <summary>Documents written before the failure stopped an ordered write (or all successes for an unordered one).</summary>
    public long InsertedCount { get; }

    private static string BuildMessage(IReadOnlyList<WriteError> errors, WriteConcernError? wce) =>
        errors.Count > 0
            ? $"{errors.Count} write error(s); first at index {errors[0].Index}: {errors[0].Code} {errors[0].Message}"
            : $"Write concern error {wce?.Code}: {wce?.Message}";
}
