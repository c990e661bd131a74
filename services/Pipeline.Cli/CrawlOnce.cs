using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Crawler;
using Pipeline.Fetcher;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>One crawl run to completion in this process (crawler, fetcher, cleaner, tagger, store), then a summary.</summary>
internal static class CrawlOnce
{
    /// <summary>The crawl name <c>crawl once</c> keeps its URL states under (so a second run sends conditional GETs).</summary>
    public const string CrawlName = "once";

    /// <summary>Runs the crawl; 0 when it completed, whatever it found (unreachable hosts are reported per URL).</summary>
    public static async Task<int> RunAsync(
        CrawlDefinition definition, string dataDirectory, IDictionary<string, string?>? settings, TextWriter output, CancellationToken cancellationToken,
        TimeSpan? documentTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"{CrawlerOptions.SectionName}:{nameof(CrawlerOptions.EnableSchedule)}"] = "false",
        };
        var builder = AllInOne.CreateBuilder(dataDirectory, LogLevel.Warning, values);
        AllInOne.QuietStageWarnings(builder);
        builder.Services.AddSingleton<IngestTracker>();
        AllInOne.AddStages(builder);
        CrawlerService.AddServices(builder);
        FetcherService.AddServices(builder);
        builder.AddPipeline(bus =>
        {
            AllInOne.AddStageConsumers(bus);
            CrawlerService.AddConsumers(bus);
            FetcherService.AddConsumers(bus);
            bus.AddConsumer<IngestProgressConsumer>();
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var coordinator = host.Services.GetRequiredService<CrawlCoordinator>();
            var tracker = host.Services.GetRequiredService<IngestTracker>();
            var summary = await coordinator.RunAsync(definition, force: true, cancellationToken)
                ?? throw new InvalidOperationException($"Crawl {definition.Name} is already running.");

            // Fetched pages are still travelling through cleaning, tagging and storing: wait for each to land.
            var timeout = documentTimeout ?? TimeSpan.FromSeconds(120);
            var results = await Task.WhenAll(summary.FetchedDocuments.Distinct().Select(async id =>
            {
                try
                {
                    return await tracker.Expect(id).WaitAsync(timeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    return new IngestResult("timed-out", null);
                }
            }));
            var stored = results.Count(r => r.Outcome == "stored");
            await output.WriteLineAsync($"Crawl {definition.Name}: {summary.ToLine()}, stored {stored}");
            await output.WriteLineAsync($"  {summary.ToDetailLine()}; {results.Count(r => r.Outcome == "rejected")} rejected by cleaning, " +
                $"{results.Count(r => r.Outcome is "unchanged" or "duplicate")} unchanged or duplicate text");
            foreach (var error in summary.ErrorDetails)
            {
                await output.WriteLineAsync($"  error: {error}");
            }

            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
