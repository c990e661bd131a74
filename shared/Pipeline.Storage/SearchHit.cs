using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>A search result: enough to list it, without the whole text.</summary>
/// <param name="Snippet">A short passage of the text around the matches (plain text, never markup).</param>
/// <param name="Highlights">The matched words in <paramref name="Snippet"/>, as ranges.</param>
/// <param name="EntityCounts">Distinct entities in the document, by type.</param>
public sealed record SearchHit(
    Guid Id,
    string Title,
    DocumentSource Source,
    DateTimeOffset? Published,
    DateTimeOffset StoredAt,
    string Snippet,
    IReadOnlyList<TextRange> Highlights,
    IReadOnlyDictionary<string, int> EntityCounts,
    double Score);
