using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Fetcher;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Crawler;

/// <summary>
/// The only owner of the frontier and of per-host politeness. Runs crawls: hands one URL per host at a time to the
/// fetchers (<see cref="FetchRequested"/>), reads robots.txt and sitemaps itself inside the same per-host slots,
/// and turns each <see cref="FetchCompleted"/> into fetch state and new frontier URLs.
/// </summary>
internal sealed partial class CrawlCoordinator : BackgroundService
{
    private readonly object gate = new();
    private readonly Dictionary<string, CrawlRun> runs = new(StringComparer.Ordinal);
    private readonly HashSet<string> robotsPending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0);
    private readonly HostPoliteness politeness;
    private readonly RobotsCache robots;
    private readonly IBus bus;
    private readonly ICrawlStateStore crawlState;
    private readonly PageFetcher fetcher;
    private readonly CrawlerOptions options;
    private readonly int maxDocumentBytes;
    private readonly TimeProvider clock;
    private readonly ILogger<CrawlCoordinator> log;
    private CancellationToken stopping = CancellationToken.None;

    public CrawlCoordinator(
        IBus bus, ICrawlStateStore crawlState, PageFetcher fetcher, IOptions<CrawlerOptions> options, IOptions<PipelineOptions> pipeline,
        TimeProvider clock, ILogger<CrawlCoordinator> log)
    {
        this.bus = bus;
        this.crawlState = crawlState;
        this.fetcher = fetcher;
        this.options = options.Value;
        maxDocumentBytes = pipeline.Value.MaxDocumentBytes;
        this.clock = clock;
        this.log = log;
        politeness = new HostPoliteness(TimeSpan.FromMilliseconds(this.options.DelayMilliseconds), TimeSpan.FromSeconds(this.options.MaxBackoffSeconds));
        robots = new RobotsCache(TimeSpan.FromMinutes(this.options.RobotsCacheMinutes));
    }

    private readonly Dictionary<string, int> runsStarted = new(StringComparer.Ordinal);

    /// <summary>Runs of the crawl started since this process began (for tests and a status page).</summary>
    public int RunsStarted(string crawlName)
    {
        lock (gate)
        {
            return runsStarted.GetValueOrDefault(crawlName);
        }
    }

    /// <summary>Whether a run of the crawl is under way.</summary>
    public bool IsRunning(string crawlName)
    {
        lock (gate)
        {
            return runs.ContainsKey(crawlName);
        }
    }

    /// <summary>
    /// Runs the crawl to completion and returns what it did, or null when a run of it is already under way (runs of one
    /// crawl never overlap). <paramref name="force"/> fetches every known URL now instead of only the due ones.
    /// </summary>
    public async Task<CrawlSummary?> RunAsync(CrawlDefinition definition, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var seeds = definition.Seeds.Select(s => UrlNormalizer.Normalize(s)).OfType<string>().Distinct().ToList();
        if (seeds.Count == 0)
        {
            throw new ArgumentException($"Crawl '{definition.Name}' has no valid http(s) seed URL.", nameof(definition));
        }

        var scope = new CrawlScope(definition.Scope, seeds);
        var now = clock.GetUtcNow();

        // The frontier outlives the process in the store: URLs found by earlier runs come back when due (or all, when forced).
        var known = await crawlState.ListDueAsync(definition.Name, force ? now.AddYears(100) : now, Math.Max(definition.MaxPages, 1), cancellationToken);
        var run = new CrawlRun(definition, force, scope, now);
        lock (gate)
        {
            if (!runs.TryAdd(definition.Name, run))
            {
                return null;
            }

            runsStarted[definition.Name] = runsStarted.GetValueOrDefault(definition.Name) + 1;

            foreach (var seed in seeds)
            {
                run.TryAdd(new FrontierEntry(seed, 0));
            }

            foreach (var state in known)
            {
                if (scope.Contains(state.Url))
                {
                    run.TryAdd(new FrontierEntry(state.Url, definition.Depth));
                }
            }

            if (definition.UseSitemap)
            {
                foreach (var origin in seeds.Select(s => new Uri(s).GetLeftPart(UriPartial.Authority)).Distinct())
                {
                    run.TryAdd(new FrontierEntry(origin + "/sitemap.xml", 0, EntryKind.Sitemap));
                }
            }
        }

        LogRunStarted(definition.Name, seeds.Count, known.Count, force);
        await RecordRunAsync(new CrawlRunRecord(definition.Name, now, null, 0, 0, 0, 0), cancellationToken);
        Signal();
        using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                if (runs.TryGetValue(definition.Name, out var current) && current == run)
                {
                    runs.Remove(definition.Name);
                }
            }

            run.Completion.TrySetCanceled(cancellationToken);
        });
        var summary = await run.Completion.Task;
        LogRunFinished(definition.Name, summary.ToLine(), summary.ToDetailLine());
        await RecordRunAsync(
            new CrawlRunRecord(definition.Name, now, clock.GetUtcNow(), summary.Fetched, summary.NotModified, summary.Errors, summary.Requests), CancellationToken.None);
        return summary;
    }

    /// <summary>Keeps the crawl's last run for the status page and the misfire check (where the store keeps runs).</summary>
    private async Task RecordRunAsync(CrawlRunRecord record, CancellationToken cancellationToken)
    {
        if (crawlState is not ICrawlRunLog runLog)
        {
            return;
        }

        try
        {
            await runLog.SaveRunAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The record is for people; a failure to keep it must not fail the crawl.
            LogRunRecordFailed(ex, record.CrawlName);
        }
    }

    /// <summary>A fetcher finished a URL: free its host, record its state, and grow the frontier.</summary>
    public async Task OnFetchCompletedAsync(FetchCompleted completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completed);
        var now = clock.GetUtcNow();
        CrawlRun? run;
        InFlightFetch? flight = null;
        lock (gate)
        {
            if (runs.TryGetValue(completed.CrawlName, out run) && run.InFlight.Remove(completed.Url, out flight))
            {
                run.Pending++;
                var retryAfter = completed.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Min(seconds, options.MaxBackoffSeconds)) : (TimeSpan?)null;
                politeness.Release(flight.Host, now, Feedback(completed.Outcome), retryAfter);
            }
            else
            {
                run = null;
            }
        }

        Signal();
        if (run is null || flight is null)
        {
            // A late or redelivered answer (its run ended or timed it out): keep the state, the frontier has moved on.
            var stale = await crawlState.GetFetchStateAsync(completed.Url, cancellationToken);
            await crawlState.SaveFetchStateAsync(FetchStatePolicy.Next(stale, completed, true, options, now), cancellationToken);
            return;
        }

        try
        {
            var transient = completed.Outcome is FetchOutcome.Throttled or FetchOutcome.TransientError;
            var retry = transient && flight.Entry.Attempt < options.RetriesPerRun;
            if (!retry)
            {
                await crawlState.SaveFetchStateAsync(FetchStatePolicy.Next(flight.Previous, completed, true, options, now), cancellationToken);
            }

            lock (gate)
            {
                Apply(run, flight.Entry, completed, flight.Previous?.Links, retry);
            }
        }
        finally
        {
            lock (gate)
            {
                run.Pending--;
            }

            Signal();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = DispatchReady();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug here must not stop every crawl for good: log it and look again shortly.
                LogDispatchLoopFailed(ex);
                wait = TimeSpan.FromSeconds(1);
            }

            try
            {
                await wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        lock (gate)
        {
            foreach (var run in runs.Values)
            {
                run.Completion.TrySetCanceled(stoppingToken);
            }

            runs.Clear();
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    private void Signal()
    {
        try
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private static HostFeedback Feedback(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Throttled or FetchOutcome.TransientError => HostFeedback.Slowdown,
        _ => HostFeedback.Success,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} started: {Seeds} seeds, {Known} known URLs (forced: {Force})")]
    private partial void LogRunStarted(string crawl, int seeds, int known, bool force);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} finished: {Summary}; {Details}")]
    private partial void LogRunFinished(string crawl, string summary, string details);

    [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt of {Origin} could not be read: {Error}")]
    private partial void LogRobotsFailed(string origin, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run of crawl {Crawl} could not be recorded")]
    private partial void LogRunRecordFailed(Exception exception, string crawl);

    [LoggerMessage(Level = LogLevel.Error, Message = "The crawl dispatcher failed; retrying")]
    private partial void LogDispatchLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching {Url} failed")]
    private partial void LogDispatchFailed(Exception exception, string url);
}
