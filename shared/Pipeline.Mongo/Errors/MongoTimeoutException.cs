namespace Pipeline.Mongo;

/// <summary>No suitable server was found in time, or no pooled connection became free in time.</summary>
public sealed class MongoTimeoutException : MongoException
{
    public MongoTimeoutException()
    {
    }

    public MongoTimeoutException(string message)
        : base(message)
    {
    }

    public MongoTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
