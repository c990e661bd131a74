namespace Pipeline.Cleaning;

/// <summary>The input cannot be cleaned: binary, empty, too large, undecodable, or nothing left after cleaning.</summary>
/// <param name="reason">A short kebab-case code: <c>binary</c>, <c>empty</c>, <c>too-large</c>, <c>unsupported-format</c>, <c>empty-after-cleaning</c>...</param>
/// <param name="message">A sentence for people.</param>
public sealed class CleaningRejectedException(string reason, string message) : Exception(message)
{
    /// <summary>A short kebab-case code for the rejection.</summary>
    public string Reason { get; } = reason;
}
