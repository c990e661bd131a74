namespace Pipeline.Mongo;

/// <summary>The server sent bytes that are not a valid reply; the connection is discarded.</summary>
public sealed class MongoProtocolException : MongoConnectionException
{
    public MongoProtocolException()
    {
    }

    public MongoProtocolException(string message)
        : base(message)
    {
    }

    public MongoProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
