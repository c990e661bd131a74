using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Inbox;

/// <summary>
/// Watches the inbox folder (a file watcher plus a periodic rescan, so nothing is missed), waits until each file has
/// stopped growing, claims it into processing/ and publishes it. Files left in processing/ by a crash are published
/// again at start; the store ignores versions it already has.
/// </summary>
public sealed class InboxWatcher(
    InboxFolder folder,
    FileIntake intake,
    IBus bus,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<InboxWatcher> log) : BackgroundService
{
    private readonly Channel<string> candidates = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Length, DateTime WrittenAt, DateTimeOffset SeenAt)> sightings = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        folder.EnsureCreated();
        log.LogInformation("Watching {Inbox} for {Extensions}", folder.Root, string.Join(' ', options.Value.Extensions));
        foreach (var path in Directory.EnumerateFiles(folder.Processing))
        {
            var name = Path.GetFileName(path);
            if (InboxFolder.IsCandidateName(name))
            {
                log.LogInformation("Resuming {File} left in processing/", name);
                await folder.AcquireSlotAsync(stoppingToken);
                await PublishAsync(name, stoppingToken);
            }
        }

        using var watcher = new FileSystemWatcher(folder.Root) { IncludeSubdirectories = false };
        watcher.Created += (_, e) => Enqueue(e.Name);
        watcher.Changed += (_, e) => Enqueue(e.Name);
        watcher.Renamed += (_, e) => Enqueue(e.Name);
        watcher.EnableRaisingEvents = true;

        using var rescan = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RescanSeconds), clock);
        var rescanning = RescanAsync(rescan, stoppingToken);
        try
        {
            await foreach (var name in candidates.Reader.ReadAllAsync(stoppingToken))
            {
                queued.TryRemove(name, out _);
                try
                {
                    await ConsiderAsync(name, stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    log.LogWarning(ex, "Could not take {File} yet; it will be retried", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await rescanning;
    }

    private async Task RescanAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                foreach (var path in Directory.EnumerateFiles(folder.Root))
                {
                    Enqueue(Path.GetFileName(path));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Enqueue(string? name)
    {
        if (name is not null && InboxFolder.IsCandidateName(name) && queued.TryAdd(name, 0))
        {
            candidates.Writer.TryWrite(name);
        }
    }

    private async Task ConsiderAsync(string name, CancellationToken cancellationToken)
    {
        var info = new FileInfo(Path.Combine(folder.Root, name));
        if (!info.Exists)
        {
            sightings.Remove(name);
            return;
        }

        var now = clock.GetUtcNow();
        if (!sightings.TryGetValue(name, out var seen) || seen.Length != info.Length || seen.WrittenAt != info.LastWriteTimeUtc)
        {
            // First sighting, or still growing: look again once it has been quiet for the settle time.
            sightings[name] = (info.Length, info.LastWriteTimeUtc, now);
            RecheckLater(name, options.Value.StableMilliseconds, cancellationToken);
            return;
        }

        if (now - seen.SeenAt < TimeSpan.FromMilliseconds(options.Value.StableMilliseconds))
        {
            RecheckLater(name, options.Value.StableMilliseconds, cancellationToken);
            return;
        }

        sightings.Remove(name);
        await folder.AcquireSlotAsync(cancellationToken);
        if (folder.TryClaim(name))
        {
            await PublishAsync(name, cancellationToken);
        }
        else
        {
            folder.ReleaseSlot();
        }
    }

    private void RecheckLater(string name, int milliseconds, CancellationToken cancellationToken) =>
        _ = Task.Delay(TimeSpan.FromMilliseconds(milliseconds + 50), clock, cancellationToken).ContinueWith(
            _ => Enqueue(name), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    private async Task PublishAsync(string name, CancellationToken cancellationToken)
    {
        var (fetched, rejected) = await intake.ReadAsync(Path.Combine(folder.Processing, name), InboxSources.IdOf(name), InboxSources.For(name), cancellationToken);
        if (fetched is not null)
        {
            log.LogInformation("Picked up {File} ({Bytes} bytes) as {DocumentId}", name, fetched.Content.Length, fetched.DocumentId);
            await bus.Publish(fetched, cancellationToken);
        }
        else
        {
            await bus.Publish(rejected!, cancellationToken);
        }
    }
}
