using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Fetcher;
using Quartz;

namespace Pipeline.Crawler;

/// <summary>Registers the crawler (one per deployment: it owns the frontier and politeness), in its own process or inside the all-in-one host.</summary>
public static class CrawlerService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The crawler reads robots.txt and sitemaps with the fetchers' guarded HttpClient.
        FetcherService.AddServices(builder);
        builder.Services.AddSingleton<CrawlCoordinator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CrawlCoordinator>());
        if (builder.Configuration.GetValue($"{CrawlerOptions.SectionName}:{nameof(CrawlerOptions.EnableSchedule)}", true))
        {
            builder.Logging.AddFilter("Quartz", LogLevel.Warning);
            builder.Services.AddQuartz();
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
            builder.Services.AddTransient<CrawlJob>();
            builder.Services.AddSingleton<CrawlScheduleSync>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<CrawlScheduleSync>());
        }
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<FetchCompletedConsumer, FetchCompletedConsumerDefinition>();
        bus.AddConsumer<CrawlRejectionConsumer, CrawlRejectionConsumerDefinition>();
    }
}
