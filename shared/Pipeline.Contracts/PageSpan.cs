namespace Pipeline.Contracts;

/// <summary>Page <paramref name="Number"/> (from 1) of a paged source covers characters [<paramref name="Start"/>, <paramref name="End"/>) of the text.</summary>
public sealed record PageSpan(int Number, int Start, int End);
