namespace Pipeline.Mongo;

/// <summary>An error detected by the client itself (bad argument, document too large, unsupported feature).</summary>
public class MongoClientException : MongoException
{
    public MongoClientException()
    {
    }

    public MongoClientException(string message)
        : base(message)
    {
    }

    public MongoClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
