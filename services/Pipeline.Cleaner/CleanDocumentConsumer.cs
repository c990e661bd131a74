using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Cleaning;
using Pipeline.Contracts;

namespace Pipeline.Cleaner;

/// <summary>Cleans a fetched document; a document that cannot be cleaned is rejected with the cleaner's reason.</summary>
public sealed class CleanDocumentConsumer(DocumentCleaner cleaner, TimeProvider clock, ILogger<CleanDocumentConsumer> log) : IConsumer<DocumentFetched>
{
    public async Task Consume(ConsumeContext<DocumentFetched> context)
    {
        var message = context.Message;
        CleaningResult result;
        try
        {
            Uri.TryCreate(message.Source.Uri, UriKind.Absolute, out var url);
            var web = url is not null && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
            result = cleaner.Clean(new CleaningInput(message.Content, message.Source.Name, message.ContentType, web ? url : null));
        }
        catch (CleaningRejectedException ex)
        {
            log.LogWarning("Rejected {DocumentId} from {Source}: {Reason} ({Detail})", message.DocumentId, message.Source.Uri, ex.Reason, ex.Message);
            await context.Publish(new DocumentRejected(message.DocumentId, message.Source, "cleaner", ex.Reason, ex.Message, clock.GetUtcNow()));
            return;
        }

        log.LogInformation("Cleaned {DocumentId} from {Source}: {Chars} chars kept, {Removed} blocks removed",
            message.DocumentId, message.Source.Uri, result.Text.Length, result.Removed.Count);
        await context.Publish(new DocumentCleaned(
            message.DocumentId,
            message.Source,
            message.Version,
            message.FetchedAt,
            result.Title,
            result.Text,
            result.Language,
            result.Author,
            result.Published,
            result.SiteName,
            result.Removed.Select(r => new RemovedText(r.Kind, r.Text)).ToList()));
    }
}
