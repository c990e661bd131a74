using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>The server is not (or no longer) the primary; the client forgets it and discovers the primary again.</summary>
public sealed class MongoNotPrimaryException(string message, BsonDocument result, MongoServerAddress? serverAddress = null)
    : MongoCommandException(message, result, serverAddress);
