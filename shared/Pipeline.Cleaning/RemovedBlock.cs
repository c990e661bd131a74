namespace Pipeline.Cleaning;

/// <summary>A block cleaning removed: <paramref name="Kind"/> is a kebab-case name such as <c>share-buttons</c> or <c>image-credit</c>.</summary>
public sealed record RemovedBlock(string Kind, string Text);
