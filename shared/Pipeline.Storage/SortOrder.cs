namespace Pipeline.Storage;

/// <summary>How search results are ordered.</summary>
public enum SortOrder
{
    /// <summary>Best text match first (newest first when there is no text).</summary>
    Relevance,

    /// <summary>Newest first, by published date, falling back to stored time.</summary>
    Date,
}
