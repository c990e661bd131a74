using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>The server is shutting down, stepping down or recovering; the client forgets it and discovers the primary again.</summary>
public sealed class MongoNodeIsRecoveringException(string message, BsonDocument result, MongoServerAddress? serverAddress = null)
    : MongoCommandException(message, result, serverAddress);
