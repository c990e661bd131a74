namespace Pipeline.Mongo;

public sealed record CommandFailedEvent(string CommandName, string DatabaseName, Exception Failure, TimeSpan Duration, int RequestId, MongoServerAddress Server);
