using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed record CommandSucceededEvent(string CommandName, string DatabaseName, BsonDocument Reply, TimeSpan Duration, int RequestId, MongoServerAddress Server);
