using MassTransit;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>Reports the end of each document's journey to the <see cref="IngestTracker"/>.</summary>
internal sealed class IngestProgressConsumer(IngestTracker tracker) :
    IConsumer<DocumentStored>,
    IConsumer<DocumentRejected>,
    IConsumer<DocumentExpanded>,
    IConsumer<Fault<DocumentFetched>>,
    IConsumer<Fault<DocumentCleaned>>,
    IConsumer<Fault<DocumentTagged>>
{
    public Task Consume(ConsumeContext<DocumentStored> context)
    {
        tracker.Complete(context.Message.DocumentId, IngestResult.From(context.Message));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<DocumentRejected> context)
    {
        tracker.Complete(context.Message.DocumentId, new IngestResult("rejected", $"{context.Message.Reason}: {context.Message.Detail}"));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<DocumentExpanded> context)
    {
        var m = context.Message;
        tracker.Expanded(m.DocumentId, m.Documents.Select(s => DocumentIdentity.ForSourceUri(s.Uri)).ToList());
        if (!m.HasOwnDocument)
        {
            tracker.Complete(m.DocumentId, new IngestResult("stored", null));
        }

        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<DocumentFetched>> context) => Faulted(context.Message.Message.DocumentId, context.Message);

    public Task Consume(ConsumeContext<Fault<DocumentCleaned>> context) => Faulted(context.Message.Message.DocumentId, context.Message);

    public Task Consume(ConsumeContext<Fault<DocumentTagged>> context) => Faulted(context.Message.Message.DocumentId, context.Message);

    private Task Faulted(Guid documentId, Fault fault)
    {
        tracker.Complete(documentId, new IngestResult("failed", string.Join(" | ", fault.Exceptions.Select(e => e.Message))));
        return Task.CompletedTask;
    }
}
