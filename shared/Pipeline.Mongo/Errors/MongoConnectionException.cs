namespace Pipeline.Mongo;

/// <summary>A network error: the connection could not be opened, was closed, or timed out.</summary>
public class MongoConnectionException : MongoException
{
    public MongoConnectionException()
    {
    }

    public MongoConnectionException(string message)
        : base(message)
    {
    }

    public MongoConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server the connection was to, when known.</summary>
    public MongoServerAddress? ServerAddress { get; init; }
}
