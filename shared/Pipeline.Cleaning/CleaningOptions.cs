namespace Pipeline.Cleaning;

/// <summary>Limits for cleaning.</summary>
public sealed class CleaningOptions
{
    /// <summary>Inputs larger than this are rejected as <c>too-large</c>. Default 10 MiB.</summary>
    public int MaxInputBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// Whether the learned line model decides which lines of a plain-text page dump are kept (the rules' kinds are its
    /// features). False leaves the rules alone, to compare. Default true.
    /// </summary>
    public bool TextLineModel { get; init; } = true;

    /// <summary>A line model file written by <c>pipeline train-cleaner</c> to use instead of the shipped one (to evaluate a new model).</summary>
    public string? TextLineModelFile { get; init; }
}
