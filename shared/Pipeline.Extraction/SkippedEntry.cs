namespace Pipeline.Extraction;

/// <summary>An archive entry or attachment that did not become a document, and why (<paramref name="Reason"/> is a short code).</summary>
public sealed record SkippedEntry(string Path, string Reason, string Detail);
