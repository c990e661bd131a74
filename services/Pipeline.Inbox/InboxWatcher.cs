using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Inbox;

/// <summary>
/// Watches the inbox folder (a file watcher plus a periodic rescan, so nothing is missed), waits until each file has
/// been stable for the settle time with no process holding it open for writing, refuses links and special files
/// without reading them, claims the rest into processing/ and hands them to <see cref="InboxPublisher"/> workers.
/// Files left in processing/ by an earlier run go to the same workers, alongside new files.
/// </summary>
public sealed class InboxWatcher(
    InboxFolder folder,
    InboxPublisher publisher,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<InboxWatcher> log) : BackgroundService
{
    private readonly Channel<string> candidates = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Length, DateTime WrittenAt, DateTimeOffset SeenAt)> sightings = new(StringComparer.Ordinal);
    private readonly OpenWriters writers = new(folder.Root);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        folder.EnsureCreated();
        var settings = options.Value;
        log.LogInformation("Watching {Inbox} for {Extensions} ({Workers} at a time)", folder.Root, string.Join(' ', settings.Extensions), settings.Concurrency);

        var work = Channel.CreateBounded<InboxWork>(new BoundedChannelOptions(settings.Concurrency) { SingleWriter = false });
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(() => publisher.RunAsync(work.Reader, stoppingToken), CancellationToken.None)).ToArray();
        var resuming = ResumeAsync(work.Writer, stoppingToken);

        using var watcher = new FileSystemWatcher(folder.Root) { IncludeSubdirectories = false };
        watcher.Created += (_, e) => Enqueue(e.Name);
        watcher.Changed += (_, e) => Enqueue(e.Name);
        watcher.Renamed += (_, e) => Enqueue(e.Name);
        watcher.EnableRaisingEvents = true;

        using var rescan = new PeriodicTimer(TimeSpan.FromSeconds(settings.RescanSeconds), clock);
        var rescanning = RescanAsync(rescan, stoppingToken);
        try
        {
            await foreach (var name in candidates.Reader.ReadAllAsync(stoppingToken))
            {
                queued.TryRemove(name, out _);
                try
                {
                    await ConsiderAsync(name, work.Writer, stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    log.LogWarning(ex, "Could not take {File} yet; it will be retried", name);
                    RecheckLater(name, settings.StableMilliseconds, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        work.Writer.TryComplete();
        await Task.WhenAll([rescanning, resuming, .. workers]);
    }

    /// <summary>Hands files left in processing/ to the workers, while new files keep arriving.</summary>
    private async Task ResumeAsync(ChannelWriter<InboxWork> work, CancellationToken stoppingToken)
    {
        try
        {
            var resumed = 0;
            foreach (var path in Directory.EnumerateFiles(folder.Processing))
            {
                var name = Path.GetFileName(path);
                if (InboxFolder.IsCandidateName(name))
                {
                    await folder.AcquireSlotAsync(stoppingToken);
                    await work.WriteAsync(new InboxWork(name, Resumed: true), stoppingToken);
                    resumed++;
                }
            }

            if (resumed > 0)
            {
                log.LogInformation("{Count} files left in processing/ handed to the workers", resumed);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException && stoppingToken.IsCancellationRequested)
        {
        }
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
        if (name is null)
        {
            return;
        }

        if (InboxNames.WhyNotTaken(name) is { } reason)
        {
            if (reported.TryAdd(name, 0))
            {
                log.LogWarning("{File} is left in the inbox: {Reason}", name, reason);
            }

            return;
        }

        if (queued.TryAdd(name, 0))
        {
            candidates.Writer.TryWrite(name);
        }
    }

    private async Task ConsiderAsync(string name, ChannelWriter<InboxWork> work, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.Root, name);
        var facts = UnixFiles.Inspect(path);
        if (facts.Kind is FileKind.Missing or FileKind.Directory)
        {
            sightings.Remove(name);
            return;
        }

        if (facts.Refusal is { } refusal)
        {
            sightings.Remove(name);
            if (folder.Refuse(name, new InboxError(name, InboxSources.IdOf(name), "inbox", refusal, facts.RefusalDetail, clock.GetUtcNow())))
            {
                log.LogWarning("{File} refused without reading it: {Reason}; moved to failed/", name, refusal);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var settle = options.Value.StableMilliseconds;
        if (!sightings.TryGetValue(name, out var seen) || seen.Length != facts.Length || seen.WrittenAt != facts.WrittenAtUtc)
        {
            // First sighting, or still growing: look again once it has been quiet for the settle time.
            sightings[name] = (facts.Length, facts.WrittenAtUtc, now);
            RecheckLater(name, settle, cancellationToken);
            return;
        }

        if (now - seen.SeenAt < TimeSpan.FromMilliseconds(settle))
        {
            RecheckLater(name, settle, cancellationToken);
            return;
        }

        if (writers.IsOpenForWriting(path, seen.SeenAt, now))
        {
            // A writer that keeps its file open and writes slowly: wait for it to close the file.
            sightings[name] = (facts.Length, facts.WrittenAtUtc, now);
            RecheckLater(name, settle, cancellationToken);
            return;
        }

        sightings.Remove(name);
        await folder.AcquireSlotAsync(cancellationToken);
        if (folder.TryClaim(name))
        {
            await work.WriteAsync(new InboxWork(name, Resumed: false), cancellationToken);
        }
        else
        {
            folder.ReleaseSlot();
        }
    }

    private void RecheckLater(string name, int milliseconds, CancellationToken cancellationToken) =>
        _ = Task.Delay(TimeSpan.FromMilliseconds(milliseconds + 50), clock, cancellationToken).ContinueWith(
            _ => Enqueue(name), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
}
