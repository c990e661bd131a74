using Microsoft.Extensions.Logging;
using Pipeline.Storage;
using Quartz;

namespace Pipeline.Crawler;

/// <summary>A scheduled run of one stored crawl. Runs of one crawl never overlap (the job and the trigger both say so, and the coordinator refuses a second run).</summary>
[DisallowConcurrentExecution]
internal sealed partial class CrawlJob(CrawlCoordinator coordinator, ICrawlStateStore crawlState, ILogger<CrawlJob> log) : IJob
{
    public const string Group = "crawls";
    public const string CrawlNameKey = "crawl";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.MergedJobDataMap.GetString(CrawlNameKey) ?? context.JobDetail.Key.Name;
        var definition = await crawlState.GetCrawlAsync(name, cancellationToken);
        if (definition is null)
        {
            LogGone(name);
            return;
        }

        var summary = await coordinator.RunAsync(definition, force: false, cancellationToken);
        if (summary is null)
        {
            LogSkipped(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} was removed; its schedule ends at the next refresh")]
    private partial void LogGone(string crawl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl {Crawl} is still running: this firing is skipped")]
    private partial void LogSkipped(string crawl);
}
