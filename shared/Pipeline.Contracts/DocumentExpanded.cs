namespace Pipeline.Contracts;

/// <summary>
/// A container (archive, e-mail) was opened: <paramref name="Documents"/> are the sources of the documents found in it,
/// each published as <see cref="DocumentCleaned"/> on its own; entries that were not are published as
/// <see cref="DocumentRejected"/>. An archive has no document of its own: this event is its completion.
/// </summary>
public sealed record DocumentExpanded(
    Guid DocumentId,
    DocumentSource Source,
    bool HasOwnDocument,
    IReadOnlyList<DocumentSource> Documents,
    int Skipped,
    DateTimeOffset ExpandedAt);
