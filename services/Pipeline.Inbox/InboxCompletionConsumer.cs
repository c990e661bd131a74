using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;

namespace Pipeline.Inbox;

/// <summary>
/// Finishes inbox files: to done/ once stored (an archive: once opened), to failed/ with the reason once rejected or faulted.
/// Other sources are not the inbox's business; a redelivered message finds nothing left to move.
/// </summary>
public sealed class InboxCompletionConsumer(InboxFolder folder, ILogger<InboxCompletionConsumer> log) :
    IConsumer<DocumentStored>,
    IConsumer<DocumentRejected>,
    IConsumer<DocumentExpanded>,
    IConsumer<Fault<DocumentFetched>>,
    IConsumer<Fault<DocumentCleaned>>,
    IConsumer<Fault<DocumentTagged>>
{
    public Task Consume(ConsumeContext<DocumentStored> context)
    {
        if (InboxFolder.NameOf(context.Message.Source) is { } name && folder.CompleteDone(name))
        {
            log.LogInformation("{File} stored ({Outcome}); moved to done/", name, context.Message.Outcome);
        }

        return Task.CompletedTask;
    }

    /// <summary>An archive has no document of its own: once opened, its entries travel on their own and the file is done.</summary>
    public Task Consume(ConsumeContext<DocumentExpanded> context)
    {
        var m = context.Message;
        if (!m.HasOwnDocument && InboxFolder.NameOf(m.Source) is { } name && folder.CompleteDone(name))
        {
            log.LogInformation("{File} opened: {Documents} documents, {Skipped} entries skipped; moved to done/", name, m.Documents.Count, m.Skipped);
        }

        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<DocumentRejected> context)
    {
        var m = context.Message;
        Fail(m.Source, new InboxError(m.Source.Name, m.DocumentId, m.Stage, m.Reason, m.Detail, m.RejectedAt));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<DocumentFetched>> context) =>
        Faulted(context.Message, context.Message.Message.Source, context.Message.Message.DocumentId, "cleaner");

    public Task Consume(ConsumeContext<Fault<DocumentCleaned>> context) =>
        Faulted(context.Message, context.Message.Message.Source, context.Message.Message.DocumentId, "tagger");

    public Task Consume(ConsumeContext<Fault<DocumentTagged>> context) =>
        Faulted(context.Message, context.Message.Message.Source, context.Message.Message.DocumentId, "store");

    private Task Faulted(Fault fault, DocumentSource source, Guid documentId, string stage)
    {
        var detail = string.Join(" | ", (fault.Exceptions ?? []).OfType<ExceptionInfo>().Select(e => $"{e.ExceptionType}: {e.Message}"));
        Fail(source, new InboxError(source.Name, documentId, stage, "fault", detail, fault.Timestamp));
        return Task.CompletedTask;
    }

    private void Fail(DocumentSource source, InboxError error)
    {
        if (InboxFolder.NameOf(source) is { } name && folder.CompleteFailed(name, error))
        {
            log.LogWarning("{File} failed at {Stage}: {Reason} ({Detail}); moved to failed/", name, error.Stage, error.Reason, error.Detail);
        }
    }
}
