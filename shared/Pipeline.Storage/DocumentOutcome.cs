namespace Pipeline.Storage;

/// <summary>How a submitted document ended (or that it is still on its way), kept for a while for whoever sent it.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Status"><c>processing</c>, <c>stored</c>, <c>duplicate</c>, <c>rejected</c> or <c>failed</c>.</param>
/// <param name="Stage">For a rejection or fault, the stage: inbox, fetcher, cleaner, tagger or store.</param>
/// <param name="Reason">For a rejection, its short code (<c>empty-after-cleaning</c>, <c>binary</c>...).</param>
/// <param name="Detail">A sentence for people.</param>
/// <param name="DuplicateOf">For a duplicate, the document holding the same text.</param>
/// <param name="RecordedAt">When this outcome was recorded.</param>
public sealed record DocumentOutcome(
    Guid Id,
    string Status,
    string? Stage,
    string? Reason,
    string? Detail,
    Guid? DuplicateOf,
    DateTimeOffset RecordedAt)
{
    public const string Processing = "processing";
    public const string Stored = "stored";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
}
