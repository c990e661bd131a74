using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.Inbox;

/// <summary>
/// Reads claimed files and publishes them. A publish has a timeout and is retried with backoff until the broker takes
/// it, so a broker outage pauses the inbox instead of losing or stranding files. A resumed file whose version is
/// already stored is completed at once, without going through the stages again.
/// </summary>
public sealed class InboxPublisher(
    InboxFolder folder,
    FileIntake intake,
    IBus bus,
    IDocumentStore store,
    IOptions<InboxOptions> options,
    ILogger<InboxPublisher> log)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxStartWait = TimeSpan.FromSeconds(60);

    /// <summary>Handles files until the channel completes or the host stops; one file's failure never ends the loop.</summary>
    public async Task RunAsync(System.Threading.Channels.ChannelReader<InboxWork> work, CancellationToken stoppingToken)
    {
        if (!await BusReadyAsync(stoppingToken))
        {
            return;
        }

        var items = work.ReadAllAsync(stoppingToken).GetAsyncEnumerator(stoppingToken);
        while (await NextAsync(items, stoppingToken))
        {
            var item = items.Current;
            try
            {
                await HandleAsync(item, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The file stays in processing/ and is resumed at the next start.
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "{File} could not be taken in", item.Name);
                TryFail(item.Name, ex);
            }
        }
    }

    /// <summary>
    /// Waits until the bus has started and its endpoints are bound (at most <see cref="MaxStartWait"/>; publishes are
    /// retried after that anyway). The inbox starts before the bus: files resumed from processing/ at once were
    /// published into exchanges no queue was bound to yet and lost (in memory all 200 of them, under load). False when
    /// the host stops meanwhile.
    /// </summary>
    private async Task<bool> BusReadyAsync(CancellationToken stoppingToken)
    {
        if (bus is not IBusControl control)
        {
            return true;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (control.CheckHealth().Status != BusHealthStatus.Healthy && waited.Elapsed < MaxStartWait)
            {
                await Task.Delay(100, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }

        return true;
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<InboxWork> items, CancellationToken stoppingToken)
    {
        try
        {
            return await items.MoveNextAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task HandleAsync(InboxWork item, CancellationToken cancellationToken)
    {
        var name = item.Name;
        var read = await intake.ReadAsync(Path.Combine(folder.Processing, name), InboxSources.IdOf(name), InboxSources.For(name), stampVersion: !item.Resumed, cancellationToken);
        if (read == InboxRead.Gone)
        {
            // Completed meanwhile (its completion gave a place back already, or will not): the place taken for this
            // work item is given back, or files resumed after a crash could use up every place and stall the inbox.
            log.LogDebug("{File} is no longer in processing/ (already completed)", name);
            folder.ReleaseSlot();
            return;
        }

        if (read.Rejected is { } rejected)
        {
            await PublishAsync(rejected, name, cancellationToken);
            return;
        }

        var fetched = read.Fetched!;
        if (item.Resumed && await IsStoredAsync(fetched.DocumentId, read.WrittenAtUtc, cancellationToken))
        {
            if (folder.CompleteDone(name))
            {
                log.LogInformation("{File} left in processing/ is already stored; moved to done/", name);
            }

            return;
        }

        if (item.Resumed)
        {
            log.LogInformation("Resuming {File} ({Bytes} bytes) as {DocumentId}", name, fetched.Content.Length, fetched.DocumentId);
        }
        else
        {
            log.LogInformation("Picked up {File} ({Bytes} bytes) as {DocumentId}", name, fetched.Content.Length, fetched.DocumentId);
        }

        await PublishAsync(fetched, name, cancellationToken);
    }

    /// <summary>True when the store holds this document at the version the file was published with (or later).</summary>
    private async Task<bool> IsStoredAsync(Guid documentId, DateTime writtenAtUtc, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.GetAsync(documentId, cancellationToken);
            return stored is not null && stored.Version >= new DateTimeOffset(writtenAtUtc).ToUnixTimeMilliseconds();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogDebug(ex, "The store could not say whether {DocumentId} is stored; publishing again", documentId);
            return false;
        }
    }

    private async Task PublishAsync<T>(T message, string name, CancellationToken cancellationToken)
        where T : class
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PublishTimeoutSeconds));
            try
            {
                await bus.Publish(message, timeout.Token);
                if (attempt > 1)
                {
                    log.LogInformation("Published {File} after {Attempts} attempts", name, attempt);
                }

                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                log.LogWarning("Publishing {File} failed ({Error}); retrying in {Delay}", name, ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private void TryFail(string name, Exception ex)
    {
        try
        {
            folder.CompleteFailed(name, new InboxError(name, InboxSources.IdOf(name), "inbox", "fault", $"{ex.GetType().Name}: {ex.Message}", DateTimeOffset.UtcNow));
        }
        catch (Exception moveError) when (moveError is IOException or UnauthorizedAccessException)
        {
            log.LogError(moveError, "{File} could not be moved to failed/; it stays in processing/ and is retried at the next start", name);
        }
    }
}
