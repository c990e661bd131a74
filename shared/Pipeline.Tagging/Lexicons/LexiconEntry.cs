namespace Pipeline.Tagging.Lexicons;

/// <summary>A concept: its preferred name (lower case) and its id in the source vocabulary, if any.</summary>
internal sealed record LexiconEntry(LexiconType Type, string Canonical, string? Id);
