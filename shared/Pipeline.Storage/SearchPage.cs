namespace Pipeline.Storage;

/// <summary>One page of search results.</summary>
/// <param name="Hits">The results in order.</param>
/// <param name="NextCursor">Pass as <see cref="DocumentQuery.Cursor"/> for the next page; null on the last page.</param>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, string? NextCursor);
