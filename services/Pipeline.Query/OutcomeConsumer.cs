using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary>
/// Records how documents sent to <c>POST /api/documents</c> end (stored, duplicate, rejected by a stage, or failed),
/// so their location can tell the sender. Only documents whose outcome is being kept are written.
/// </summary>
internal sealed class OutcomeConsumer(IDocumentStore store, IOptions<QueryOptions> options, TimeProvider clock) :
    IConsumer<DocumentStored>,
    IConsumer<DocumentRejected>,
    IConsumer<Fault<FetchRequested>>,
    IConsumer<Fault<DocumentFetched>>,
    IConsumer<Fault<DocumentCleaned>>,
    IConsumer<Fault<DocumentTagged>>
{
    public Task Consume(ConsumeContext<DocumentStored> context)
    {
        var message = context.Message;
        var duplicate = message.Outcome == StoreOutcome.Duplicate;
        return RecordAsync(
            message.Source,
            new DocumentOutcome(message.DocumentId, duplicate ? DocumentOutcome.Duplicate : DocumentOutcome.Stored, null, null, null, duplicate ? message.DuplicateOf : null, clock.GetUtcNow()),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<DocumentRejected> context)
    {
        var message = context.Message;
        return RecordAsync(
            message.Source,
            new DocumentOutcome(message.DocumentId, DocumentOutcome.Rejected, message.Stage, message.Reason, message.Detail, null, clock.GetUtcNow()),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<Fault<FetchRequested>> context) => FaultedAsync(context.Message.Message.DocumentId, context.Message.Message.Source, "fetcher", context);

    public Task Consume(ConsumeContext<Fault<DocumentFetched>> context) => FaultedAsync(context.Message.Message.DocumentId, context.Message.Message.Source, "cleaner", context);

    public Task Consume(ConsumeContext<Fault<DocumentCleaned>> context) => FaultedAsync(context.Message.Message.DocumentId, context.Message.Message.Source, "tagger", context);

    public Task Consume(ConsumeContext<Fault<DocumentTagged>> context) => FaultedAsync(context.Message.Message.DocumentId, context.Message.Message.Source, "store", context);

    private Task FaultedAsync(Guid documentId, DocumentSource source, string stage, ConsumeContext context) =>
        RecordAsync(
            source,
            new DocumentOutcome(documentId, DocumentOutcome.Failed, stage, "fault", $"The {stage} failed on this document after its retries.", null, clock.GetUtcNow()),
            context.CancellationToken);

    private async Task RecordAsync(DocumentSource source, DocumentOutcome outcome, CancellationToken cancellationToken)
    {
        if (source.Kind != IngestEndpoint.SourceKind || store is not IOutcomeStore outcomes)
        {
            return;
        }

        var expireBefore = outcome.RecordedAt - TimeSpan.FromHours(options.Value.OutcomeRetentionHours);
        await outcomes.SaveOutcomeAsync(outcome, expireBefore, onlyIfTracked: true, cancellationToken);
    }
}
