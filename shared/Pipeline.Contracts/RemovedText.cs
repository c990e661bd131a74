namespace Pipeline.Contracts;

/// <summary>A piece of the original document that cleaning dropped, and why (<c>share-buttons</c>, <c>image-credit</c>...).</summary>
/// <param name="Kind">Why it went, in kebab-case.</param>
/// <param name="Text">What it said (long blocks cut short).</param>
/// <param name="Offset">
/// Where it stood: the character position in the cleaned text it was removed from (0 = before the first paragraph, the
/// text's length = after the last). Null for documents cleaned before positions were recorded.
/// </param>
public sealed record RemovedText(string Kind, string Text, int? Offset = null);
