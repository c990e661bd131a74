namespace Pipeline.Mongo;

/// <summary>The connection string or settings are invalid.</summary>
public sealed class MongoConfigurationException : MongoClientException
{
    public MongoConfigurationException()
    {
    }

    public MongoConfigurationException(string message)
        : base(message)
    {
    }

    public MongoConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
