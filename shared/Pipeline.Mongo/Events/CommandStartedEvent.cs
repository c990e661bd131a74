using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <param name="Command">The command with its document sequences folded in as arrays.</param>
public sealed record CommandStartedEvent(string CommandName, string DatabaseName, BsonDocument Command, int RequestId, MongoServerAddress Server);
