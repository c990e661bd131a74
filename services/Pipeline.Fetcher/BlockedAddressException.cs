namespace Pipeline.Fetcher;

/// <summary>A connection refused by the <see cref="AddressGuard"/>.</summary>
public sealed class BlockedAddressException : Exception
{
    public BlockedAddressException()
    {
    }

    public BlockedAddressException(string message)
        : base(message)
    {
    }

    public BlockedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
