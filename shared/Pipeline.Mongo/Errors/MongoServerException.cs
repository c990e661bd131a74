using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>An error reported by the server.</summary>
public abstract class MongoServerException : MongoException
{
    protected MongoServerException(string message, BsonDocument? result, MongoServerAddress? serverAddress)
        : base(message)
    {
        Result = result ?? [];
        ServerAddress = serverAddress;
    }

    /// <summary>The server's full reply.</summary>
    public BsonDocument Result { get; }

    public MongoServerAddress? ServerAddress { get; }
}
