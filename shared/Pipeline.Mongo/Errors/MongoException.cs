namespace Pipeline.Mongo;

/// <summary>Base class of every error raised by the client.</summary>
public class MongoException : Exception
{
    private readonly List<string> _errorLabels = [];

    public MongoException()
    {
    }

    public MongoException(string message)
        : base(message)
    {
    }

    public MongoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Labels from the server reply (e.g. <c>RetryableWriteError</c>) or added by the client.</summary>
    public IReadOnlyList<string> ErrorLabels => _errorLabels;

    public bool HasErrorLabel(string label) => _errorLabels.Contains(label, StringComparer.Ordinal);

    internal void AddErrorLabel(string label)
    {
        if (!HasErrorLabel(label))
        {
            _errorLabels.Add(label);
        }
    }
}
