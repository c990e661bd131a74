namespace Pipeline.Cleaning;

/// <summary>A block cleaning removed: <paramref name="Kind"/> is a kebab-case name such as <c>share-buttons</c> or <c>image-credit</c>.</summary>
/// <param name="Kind">Why it went.</param>
/// <param name="Text">What it said, cut short.</param>
/// <param name="Offset">
/// The character position in <see cref="CleaningResult.Text"/> where the block stood (0 = before the first paragraph,
/// the text's length = after the last), or null when it cannot be told.
/// </param>
public sealed record RemovedBlock(string Kind, string Text, int? Offset = null);
