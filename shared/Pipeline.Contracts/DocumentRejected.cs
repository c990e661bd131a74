namespace Pipeline.Contracts;

/// <summary>A document that cannot be processed, with a reason a person can act on.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Stage">The stage that rejected it: inbox, fetcher, cleaner, tagger or store.</param>
/// <param name="Reason">A short code: too-large, empty, binary, unsupported-format, empty-after-cleaning, fetch-failed...</param>
/// <param name="Detail">A sentence for people.</param>
public sealed record DocumentRejected(
    Guid DocumentId,
    DocumentSource Source,
    string Stage,
    string Reason,
    string Detail,
    DateTimeOffset RejectedAt);
