namespace Pipeline.Mongo;

/// <summary>The server's wire-version range does not overlap the range this client supports (MongoDB 6.0 to 8.x).</summary>
public sealed class MongoIncompatibleDriverException : MongoClientException
{
    public MongoIncompatibleDriverException()
    {
    }

    public MongoIncompatibleDriverException(string message)
        : base(message)
    {
    }

    public MongoIncompatibleDriverException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
