using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Store;

/// <summary>
/// Upserts a tagged document (in a batch with the documents other deliveries bring at the same time) and announces
/// its outcome; redelivery is harmless (the upsert is idempotent).
/// </summary>
public sealed class StoreDocumentConsumer(StoreWriteBatcher writer, ILogger<StoreDocumentConsumer> log) : IConsumer<DocumentTagged>
{
    public async Task Consume(ConsumeContext<DocumentTagged> context)
    {
        var message = context.Message;
        var document = StoredDocuments.FromTagged(message);
        var result = await writer.UpsertAsync(document, context.CancellationToken);
        log.LogInformation("Stored {DocumentId} version {Version}: {Outcome}", message.DocumentId, message.Version, result.Outcome);
        await context.Publish(new DocumentStored(
            message.DocumentId, message.Source, message.Version, document.ContentHash, result.Outcome, result.DuplicateOf, result.StoredAt));
    }
}
