namespace Pipeline.Contracts;

/// <summary>Where a document came from. <paramref name="Kind"/> is <c>inbox</c>, <c>file</c>, <c>web</c> or <c>api</c>.</summary>
/// <param name="Kind">The way the document arrived.</param>
/// <param name="Uri">The canonical source: a normalised URL, or <c>inbox:///name</c> / <c>file:///path</c>.</param>
/// <param name="Name">A human-readable name: the file name or the URL's host and path.</param>
/// <param name="Parent">For a document found inside another (an archive entry, an e-mail attachment), the container's <paramref name="Uri"/>.</param>
public sealed record DocumentSource(string Kind, string Uri, string Name, string? Parent = null);
