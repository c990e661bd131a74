using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Cleaning;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Storage;

namespace Pipeline.Cleaner;

/// <summary>
/// Extracts and cleans a fetched document. A file that cannot be read is rejected with the reason; the documents
/// inside a container (archive entries, attachments) are published as documents of their own, linked to it. What the
/// document's site repeats is removed as its template.
/// </summary>
public sealed class CleanDocumentConsumer(DocumentExtractor extractor, SiteTemplateFilter template, TimeProvider clock, ILogger<CleanDocumentConsumer> log) : IConsumer<DocumentFetched>
{
    public async Task Consume(ConsumeContext<DocumentFetched> context)
    {
        var message = context.Message;
        ExtractionOutcome outcome;
        try
        {
            Uri.TryCreate(message.Source.Uri, UriKind.Absolute, out var url);
            var web = url is not null && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
            outcome = extractor.Process(new CleaningInput(message.Content, message.Source.Name, message.ContentType, web ? url : null));
        }
        catch (CleaningRejectedException ex)
        {
            // A document the cleaner cannot read is an outcome, not a fault of this service: it is logged like a cleaned
            // one. Whoever owns the outcome reports it (the inbox moves the file to failed/ with a warning), once.
            log.LogInformation("Rejected {DocumentId} from {Source}: {Reason} ({Detail})", message.DocumentId, message.Source.Uri, ex.Reason, ex.Message);
            await context.Publish(new DocumentRejected(message.DocumentId, message.Source, "cleaner", ex.Reason, ex.Message, clock.GetUtcNow()));
            return;
        }

        var children = new List<DocumentSource>();
        var hasOwn = false;
        foreach (var document in outcome.Documents)
        {
            var (id, source) = document.EntryPath is null
                ? (message.DocumentId, message.Source)
                : Child(message.Source, document.EntryPath, document.ParentPath);
            hasOwn |= document.EntryPath is null;
            if (document.EntryPath is not null)
            {
                children.Add(source);
            }

            var result = await template.ApplyAsync(id, source, document.Cleaned, context.CancellationToken);
            log.LogInformation("Cleaned {DocumentId} from {Source} ({Format}): {Chars} chars kept, {Removed} blocks removed",
                id, source.Uri, document.Format, result.Text.Length, result.Removed.Count);
            await context.Publish(new DocumentCleaned(
                id,
                source,
                message.Version,
                message.FetchedAt,
                result.Title,
                result.Text,
                result.Language,
                result.Author,
                result.Published,
                result.SiteName,
                result.Removed.Select(r => new RemovedText(r.Kind, r.Text, r.Offset)).ToList(),
                document.Format,
                document.Pages.Count == 0 ? null : document.Pages.Select(p => new PageSpan(p.Number, p.Start, p.End)).ToList()));
        }

        foreach (var skipped in outcome.Skipped)
        {
            var (id, source) = Child(message.Source, skipped.Path, null);
            log.LogWarning("Skipped {Entry} of {Source}: {Reason} ({Detail})", skipped.Path, message.Source.Uri, skipped.Reason, skipped.Detail);
            await context.Publish(new DocumentRejected(id, source, "cleaner", skipped.Reason, skipped.Detail, clock.GetUtcNow()));
        }

        if (children.Count > 0 || outcome.Skipped.Count > 0)
        {
            await context.Publish(new DocumentExpanded(message.DocumentId, message.Source, hasOwn, children, outcome.Skipped.Count, clock.GetUtcNow()));
        }
    }

    /// <summary>
    /// An entry's source: the container's URI with the entry path as its fragment (<c>inbox:///all.zip#reports/a.pdf</c>),
    /// which no fetch or file name can produce, so its id never collides with a real document's.
    /// </summary>
    public static (Guid Id, DocumentSource Source) Child(DocumentSource container, string entryPath, string? parentPath)
    {
        var escaped = string.Join('/', entryPath.Split('/').Select(Uri.EscapeDataString));
        var uri = container.Uri + "#" + escaped;
        var parent = parentPath is null ? container.Uri : container.Uri + "#" + string.Join('/', parentPath.Split('/').Select(Uri.EscapeDataString));
        return (DocumentIdentity.ForSourceUri(uri), new DocumentSource(container.Kind, uri, container.Name + "/" + entryPath, parent));
    }
}
