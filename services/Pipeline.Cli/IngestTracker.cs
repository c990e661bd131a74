using System.Collections.Concurrent;
using Pipeline.Contracts;

namespace Pipeline.Cli;

/// <summary>Waits for each ingested document's final message: stored (or unchanged / duplicate), rejected, or faulted.</summary>
internal sealed class IngestTracker
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<IngestResult>> pending = new();

    public Task<IngestResult> Expect(Guid documentId)
    {
        var source = pending.GetOrAdd(documentId, _ => new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously));

        // Once its result is in, the entry goes: a long ingest holds only the documents in flight.
        _ = source.Task.ContinueWith(
            _ => pending.TryRemove(KeyValuePair.Create(documentId, source)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return source.Task;
    }

    /// <summary>How many documents are expected or have results nobody has asked for yet.</summary>
    public int Pending => pending.Count;

    private readonly ConcurrentDictionary<Guid, IReadOnlyList<Guid>> children = new();

    /// <summary>A container (archive, e-mail) was opened: its documents are waited for along with it.</summary>
    public void Expanded(Guid documentId, IReadOnlyList<Guid> documents) => children[documentId] = documents;

    public IReadOnlyList<Guid> ChildrenOf(Guid documentId) => children.TryGetValue(documentId, out var ids) ? ids : [];

    public void Complete(Guid documentId, IngestResult result)
    {
        // A result may arrive before anyone expects it (a crawl learns its document ids as it goes): keep it.
        pending.GetOrAdd(documentId, _ => new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(result);
    }
}

/// <summary>How one ingested file ended.</summary>
internal sealed record IngestResult(string Outcome, string? Detail)
{
    public static IngestResult From(DocumentStored stored) =>
        new(stored.Outcome switch
        {
            StoreOutcome.Stored => "stored",
            StoreOutcome.Unchanged => "unchanged",
            _ => "duplicate",
        }, stored.DuplicateOf is { } of ? $"duplicate of {of}" : null);
}
