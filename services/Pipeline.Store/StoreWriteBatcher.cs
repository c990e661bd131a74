using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.Store;

/// <summary>
/// Group commit for the store: documents handed in by concurrent consumers are written together, one transaction per
/// batch, and each caller gets its own document's result or its own exception. When a batch fails, its documents are
/// written again one at a time, so a bad document fails (and is retried, then faulted) alone while its neighbours are
/// stored. Nothing is acknowledged before its transaction has committed.
/// </summary>
public sealed class StoreWriteBatcher(IDocumentStore store, IOptions<StoreOptions> options, ILogger<StoreWriteBatcher> log) : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Writes <paramref name="document"/> in the next batch and returns what the upsert did.</summary>
    public async Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pending = new Pending(document, new TaskCompletionSource<UpsertResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The store writer has stopped.");
        }

        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var batch = new List<Pending>(settings.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var characters = Fill(batch, 0, settings);
                if (settings.BatchMilliseconds > 0 && batch.Count < settings.BatchSize && characters < settings.BatchCharacters)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(settings.BatchMilliseconds);
                    try
                    {
                        while (batch.Count < settings.BatchSize && characters < settings.BatchCharacters && await queue.Reader.WaitToReadAsync(wait.Token))
                        {
                            characters = Fill(batch, characters, settings);
                        }
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The time limit: write what has arrived.
                    }
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping: whatever was not written is not acknowledged either, so the broker delivers it again.
            queue.Writer.TryComplete();
            foreach (var pending in batch)
            {
                pending.Result.TrySetCanceled(stoppingToken);
            }

            while (queue.Reader.TryRead(out var left))
            {
                left.Result.TrySetCanceled(stoppingToken);
            }
        }
    }

    private int Fill(List<Pending> batch, int characters, StoreOptions settings)
    {
        while (batch.Count < settings.BatchSize && characters < settings.BatchCharacters && queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
            characters += pending.Document.Text.Length;
        }

        return characters;
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            var results = await store.UpsertManyAsync(batch.ConvertAll(p => p.Document), stoppingToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1 && !stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "A batch of {Count} documents failed; writing them one at a time", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    pending.Result.TrySetResult(await store.UpsertAsync(pending.Document, stoppingToken));
                }
                catch (Exception one)
                {
                    pending.Result.TrySetException(one);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(StoredDocument Document, TaskCompletionSource<UpsertResult> Result);
}
