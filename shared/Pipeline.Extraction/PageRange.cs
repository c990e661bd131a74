namespace Pipeline.Extraction;

/// <summary>Page <paramref name="Number"/> (from 1) covers characters [<paramref name="Start"/>, <paramref name="End"/>) of the cleaned text.</summary>
public sealed record PageRange(int Number, int Start, int End);
