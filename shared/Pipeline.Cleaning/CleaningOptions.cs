namespace Pipeline.Cleaning;

/// <summary>Limits for cleaning.</summary>
public sealed class CleaningOptions
{
    /// <summary>Inputs larger than this are rejected as <c>too-large</c>. Default 10 MiB.</summary>
    public int MaxInputBytes { get; init; } = 10 * 1024 * 1024;
}
