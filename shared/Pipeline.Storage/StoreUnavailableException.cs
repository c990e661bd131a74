namespace Pipeline.Storage;

/// <summary>The store cannot be reached or is misconfigured; the message is one line for people (no secrets).</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
