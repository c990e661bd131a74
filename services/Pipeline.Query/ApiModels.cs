using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary>A page of search results; <c>total</c> is counted on the first page only (null when a cursor is given).</summary>
internal sealed record SearchResponse(long? Total, IReadOnlyList<SearchHit> Hits, string? NextCursor);

/// <summary>A stored document as the API shows it (the stored shape, with <c>cleaning.removed</c>, <c>format</c> and <c>pages</c>); <c>status</c> is <c>stored</c>.</summary>
internal sealed record DocumentView(
    string Status,
    Guid Id,
    DocumentSource Source,
    string Title,
    string Text,
    string? Language,
    string? Author,
    string? SiteName,
    DateTimeOffset? Published,
    DateTimeOffset FetchedAt,
    DateTimeOffset StoredAt,
    long Version,
    string ContentHash,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<string> EntityKeys,
    CleaningView Cleaning,
    string? Format,
    IReadOnlyList<PageSpan> Pages)
{
    public static DocumentView From(StoredDocument d) => new(
        DocumentOutcome.Stored,
        d.Id, d.Source, d.Title, d.Text, d.Language, d.Author, d.SiteName, d.Published, d.FetchedAt, d.StoredAt,
        d.Version, d.ContentHash, d.Entities, d.EntityKeys, new CleaningView(d.Removed), d.Format, d.Pages);
}

/// <summary>
/// A submitted document that is not (or not yet) stored as sent: <c>processing</c>, <c>duplicate</c> (of
/// <c>duplicateOf</c>), <c>rejected</c> (by <c>stage</c>, for <c>reason</c>, <c>detail</c> for people) or <c>failed</c>.
/// </summary>
internal sealed record OutcomeView(Guid Id, string Status, string? Stage, string? Reason, string? Detail, Guid? DuplicateOf)
{
    public static OutcomeView From(DocumentOutcome o) => new(o.Id, o.Status, o.Stage, o.Reason, o.Detail, o.DuplicateOf);
}

internal sealed record CleaningView(IReadOnlyList<RemovedText> Removed);

/// <summary>An entity with the number of documents mentioning it; <c>key</c> is the filter value, <c>display</c> the name most documents use.</summary>
internal sealed record EntityView(string Type, string Value, string Display, string Key, long Documents)
{
    public static EntityView From(EntityFacet facet) => new(facet.Type, facet.Value, facet.Name, facet.Key, facet.Count);
}

internal sealed record EntitiesResponse(IReadOnlyList<EntityView> Entities);

internal sealed record CooccurrenceResponse(EntityView Entity, IReadOnlyList<EntityView> Cooccurring);

/// <summary>JSON ingestion: <c>text</c> (with an optional <c>url</c> naming its source), or a <c>url</c> alone for the fetcher to fetch.</summary>
/// <param name="Text">The document's text (plain text, Markdown or HTML).</param>
/// <param name="Url">The http(s) source of the text; alone, the URL to fetch.</param>
/// <param name="Title">A title, put above the text.</param>
/// <param name="Name">A name for the text (its file name; the extension picks the format), when there is no URL.</param>
internal sealed record IngestRequest(string? Text, string? Url, string? Title, string? Name);

/// <summary>The document was handed to the pipeline; it is searchable once stored.</summary>
internal sealed record IngestAccepted(Guid Id, string Status, string Location, DocumentSource Source);

/// <summary>
/// The state of the pipeline. <c>storedPerMinute</c> covers the last hour (minutes with none left out);
/// <c>sizeBytes</c>, <c>storedPerMinute</c> and the crawls' last runs are null where the store does not keep them.
/// </summary>
internal sealed record StatsResponse(
    long Documents,
    long Duplicates,
    IReadOnlyDictionary<string, long> BySourceKind,
    IReadOnlyDictionary<string, long> ByHost,
    DateTimeOffset? LastStoredAt,
    string Transport,
    string Store,
    QueueDepthsView? Queues,
    bool Writes,
    long? SizeBytes,
    IReadOnlyList<MinuteCount>? StoredPerMinute,
    IReadOnlyList<CrawlStatusView> Crawls);

/// <summary>A crawl's schedule, its last run (null when it never ran) and its next.</summary>
internal sealed record CrawlStatusView(string Name, string Schedule, IReadOnlyList<string> Seeds, CrawlRunRecord? LastRun, DateTimeOffset? NextRun);

/// <summary>Queue depths from the RabbitMQ management API; <c>error</c> says why they are missing.</summary>
internal sealed record QueueDepthsView(IReadOnlyList<QueueDepth> Items, string? Error);

internal sealed record QueueDepth(string Name, long Messages, long MessagesReady, long Consumers);

/// <summary>The stages' error queues and their first messages; <c>error</c> says why they are missing.</summary>
internal sealed record ErrorsResponse(IReadOnlyList<ErrorQueueView> Items, string? Error);
