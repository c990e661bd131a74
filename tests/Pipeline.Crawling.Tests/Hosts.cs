using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Crawler;
using Pipeline.Fetcher;
using Pipeline.Hosting;

namespace Pipeline.Crawling.Tests;

/// <summary>Crawler and fetcher hosts built the way their Program.cs builds them, configured by settings only.</summary>
internal static class Hosts
{
    public static IHost Crawler(IDictionary<string, string?> settings, bool withFetcher = false) => Build(settings, builder =>
    {
        CrawlerService.AddServices(builder);
        if (withFetcher)
        {
            FetcherService.AddServices(builder);
        }

        builder.AddPipeline(bus =>
        {
            CrawlerService.AddConsumers(bus);
            if (withFetcher)
            {
                FetcherService.AddConsumers(bus);
            }
        });
    });

    public static IHost Fetcher(IDictionary<string, string?> settings) => Build(settings, builder =>
    {
        FetcherService.AddServices(builder);
        builder.AddPipeline(FetcherService.AddConsumers);
    });

    public static Dictionary<string, string?> With(this IDictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        var copy = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more)
        {
            copy[key] = value;
        }

        return copy;
    }

    private static IHost Build(IDictionary<string, string?> settings, Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        configure(builder);

        // StartAsync returns once the bus is connected and its queues are bound, so nothing published is lost.
        builder.Services.Configure<MassTransit.MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
