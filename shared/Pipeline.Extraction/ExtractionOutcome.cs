namespace Pipeline.Extraction;

/// <summary>
/// The documents a file yields (the file itself first when it has text of its own; an archive has none) and the
/// entries that were skipped with their reasons.
/// </summary>
public sealed record ExtractionOutcome(IReadOnlyList<ExtractedDocument> Documents, IReadOnlyList<SkippedEntry> Skipped);
