namespace Pipeline.Storage;

/// <summary>A range of characters: <c>text[Start..(Start + Length)]</c>.</summary>
public readonly record struct TextRange(int Start, int Length);
