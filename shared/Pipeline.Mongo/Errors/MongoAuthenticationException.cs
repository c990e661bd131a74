namespace Pipeline.Mongo;

/// <summary>Authentication failed (wrong credentials, unsupported mechanism, or a server that could not prove it knows the password).</summary>
public sealed class MongoAuthenticationException : MongoException
{
    public MongoAuthenticationException()
    {
    }

    public MongoAuthenticationException(string message)
        : base(message)
    {
    }

    public MongoAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
