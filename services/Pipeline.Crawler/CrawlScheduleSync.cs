using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Fetcher;
using Pipeline.Storage;
using Quartz;

namespace Pipeline.Crawler;

/// <summary>
/// Keeps Quartz in step with the stored crawl definitions: imports <c>Crawler:Crawls</c> at start, then every
/// <c>Crawler:ScheduleRefreshSeconds</c> adds, changes and removes triggers, so <c>pipeline crawl add/remove</c>
/// take effect without a restart.
/// </summary>
internal sealed partial class CrawlScheduleSync(
    ISchedulerFactory schedulers, ICrawlStateStore crawlState, IOptions<CrawlerOptions> options, TimeProvider clock, ILogger<CrawlScheduleSync> log)
    : BackgroundService
{
    private readonly Dictionary<string, CrawlDefinition> scheduled = new(StringComparer.Ordinal);

    /// <summary>How many times the schedule was compared with the store (for tests and the status page).</summary>
    public int Refreshes { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ImportConfiguredAsync(stoppingToken);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            var refresh = TimeSpan.FromSeconds(options.Value.ScheduleRefreshSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SyncAsync(scheduler, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSyncFailed(ex);
                }

                await Task.Delay(refresh, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ImportConfiguredAsync(CancellationToken cancellationToken)
    {
        foreach (var configured in options.Value.Crawls)
        {
            var definition = CrawlDefinitions.FromConfiguration(configured, clock.GetUtcNow());
            var stored = await crawlState.GetCrawlAsync(definition.Name, cancellationToken);
            if (stored is null || !CrawlDefinitions.SameCrawl(stored, definition))
            {
                await crawlState.SaveCrawlAsync(definition, cancellationToken);
                LogImported(definition.Name);
            }
        }
    }

    private async Task SyncAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var definitions = (await crawlState.ListCrawlsAsync(cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var name in scheduled.Keys.Where(n => !definitions.ContainsKey(n)).ToList())
        {
            await scheduler.DeleteJob(new JobKey(name, CrawlJob.Group), cancellationToken);
            scheduled.Remove(name);
            LogUnscheduled(name);
        }

        foreach (var definition in definitions.Values)
        {
            if (scheduled.TryGetValue(definition.Name, out var current) && CrawlDefinitions.SameSchedule(current, definition))
            {
                continue;
            }

            var job = JobBuilder.Create<CrawlJob>()
                .WithIdentity(definition.Name, CrawlJob.Group)
                .UsingJobData(CrawlJob.CrawlNameKey, definition.Name)
                .DisallowConcurrentExecution(true)
                .Build();
            await scheduler.ScheduleJob(job, BuildTrigger(definition), new ScheduleJobOptions { Replace = true }, cancellationToken);
            var firstTime = current is null;
            scheduled[definition.Name] = definition;
            LogScheduled(definition.Name, definition.Cron ?? definition.Interval?.ToString() ?? "?");
            if (firstTime && definition.Cron is not null && await MissedFiringAsync(definition, cancellationToken) is { } missed)
            {
                // Quartz keeps its triggers in memory, so a firing missed while this process was down is unknown
                // to it: the misfire policy is applied here, once (a run now, then the schedule as usual).
                LogMisfire(definition.Name, missed);
                await scheduler.TriggerJob(new JobKey(definition.Name, CrawlJob.Group), cancellationToken);
            }
        }

        Refreshes++;
    }

    /// <summary>
    /// The cron firing that came due since the crawl last ran (or, never run, since it was defined) and before now,
    /// or null when none did.
    /// </summary>
    private async Task<DateTimeOffset?> MissedFiringAsync(CrawlDefinition definition, CancellationToken cancellationToken)
    {
        var runs = crawlState is ICrawlRunLog runLog ? await runLog.ListLastRunsAsync(cancellationToken) : [];
        var last = runs.FirstOrDefault(r => r.CrawlName == definition.Name)?.StartedAt ?? definition.UpdatedAt;
        var next = new CronExpression(definition.Cron!).GetNextValidTimeAfter(last);
        return next is { } due && due <= clock.GetUtcNow() ? due : null;
    }

    /// <summary>
    /// Interval crawls start at once (so a crawl that came due while the service was down runs once, not once per
    /// missed interval) and a late firing runs once now; cron crawls fire once and proceed after a misfire.
    /// Either way a firing that comes due while the previous run still runs is skipped.
    /// </summary>
    internal static ITrigger BuildTrigger(CrawlDefinition definition)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(definition.Name, CrawlJob.Group)
            .ForJob(definition.Name, CrawlJob.Group)
            .WithOverlapPolicy(OverlapPolicy.Skip);
        if (definition.Cron is { } cron)
        {
            return trigger
                .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
        }

        return trigger
            .StartNow()
            .WithSimpleSchedule(s => s
                .WithInterval(definition.Interval ?? TimeSpan.FromHours(6))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} imported from configuration")]
    private partial void LogImported(string crawl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} scheduled ({Schedule})")]
    private partial void LogScheduled(string crawl, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} missed its firing at {Missed} while the crawler was down: running it once now")]
    private partial void LogMisfire(string crawl, DateTimeOffset missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} removed from the schedule")]
    private partial void LogUnscheduled(string crawl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not bring the crawl schedule up to date")]
    private partial void LogSyncFailed(Exception exception);
}
