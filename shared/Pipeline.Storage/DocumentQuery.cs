namespace Pipeline.Storage;

/// <summary>A search over stored documents. Every value is data, never a query operator.</summary>
public sealed record DocumentQuery
{
    /// <summary>The largest page size a store returns.</summary>
    public const int MaxLimit = 100;

    /// <summary>The longest free-text query accepted, in characters.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Words and "quoted phrases", all of which must match; null or empty for every document.</summary>
    public string? Text { get; init; }

    /// <summary>Entities every result must mention (AND).</summary>
    public IReadOnlyList<EntityKey> Entities { get; init; } = [];

    /// <summary>A host (<c>example.com</c>), a source kind (<c>inbox</c>) or a URI prefix (<c>https://example.com/news/</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Inclusive lower bound on <see cref="DateField"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="DateField"/>.</summary>
    public DateTimeOffset? To { get; init; }

    public DateField DateField { get; init; } = DateField.Published;

    /// <summary>Relevance needs <see cref="Text"/>; without it results come newest first.</summary>
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>The <see cref="SearchPage.NextCursor"/> of the previous page.</summary>
    public string? Cursor { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>Checks the limits; stores call it before running a query.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MaxLimit}.", nameof(Limit));
        }

        if (Text is { Length: > MaxTextLength })
        {
            throw new ArgumentException($"The query text is limited to {MaxTextLength} characters.", nameof(Text));
        }

        if (Entities.Count > 10)
        {
            throw new ArgumentException("At most 10 entity filters are allowed.", nameof(Entities));
        }

        if (Source is { Length: > 500 })
        {
            throw new ArgumentException("The source filter is limited to 500 characters.", nameof(Source));
        }

        if (From is { } from && To is { } to && from > to)
        {
            throw new ArgumentException("from must not be after to.", nameof(From));
        }
    }
}
