using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>
/// The write was applied on the primary but the requested write concern was not satisfied
/// (e.g. replication timed out). The data may or may not be durable.
/// </summary>
public sealed class MongoWriteConcernException : MongoCommandException
{
    public MongoWriteConcernException(WriteConcernError writeConcernError, BsonDocument result, MongoServerAddress? serverAddress = null)
        : base($"Write concern error {writeConcernError.Code} ({writeConcernError.CodeName}): {writeConcernError.Message}", result, serverAddress)
    {
        WriteConcernError = writeConcernError;
        foreach (var label in writeConcernError.ErrorLabels)
        {
            AddErrorLabel(label);
        }
    }

    public WriteConcernError WriteConcernError { get; }
}
