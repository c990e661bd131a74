namespace Pipeline.Contracts;

/// <summary>A piece of the original document that cleaning dropped, and why (<c>share-buttons</c>, <c>image-credit</c>...).</summary>
public sealed record RemovedText(string Kind, string Text);
