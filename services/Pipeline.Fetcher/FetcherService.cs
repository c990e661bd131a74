using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Fetcher;

/// <summary>Registers a fetcher, in its own process (run as many as you like) or inside the all-in-one host.</summary>
public static class FetcherService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(PageFetcher)))
        {
            return; // the crawler and a fetcher in one host share these
        }

        AddCrawlerOptions(builder);

        // One line per fetch comes from the consumer; HttpClient's four per request are noise at this volume.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new AddressGuard(sp.GetRequiredService<IOptions<CrawlerOptions>>().Value.AllowPrivateNetworks));
        builder.Services.TryAddSingleton<PageFetcher>();
        builder.Services.AddHttpClient(PageFetcher.ClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<CrawlerOptions>>().Value.UserAgentHeader);
                client.Timeout = Timeout.InfiniteTimeSpan; // PageFetcher bounds the whole request, body included
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // the crawler schedules redirect targets itself, through per-host politeness
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectAsync,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            });
    }

    /// <summary>The <c>Crawler</c> section, validated at start (shared with the crawler; registering it twice is harmless).</summary>
    public static void AddCrawlerOptions(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(CrawlerOptionsMarker)))
        {
            return;
        }

        builder.Services.AddSingleton<CrawlerOptionsMarker>();
        builder.Services.AddOptions<CrawlerOptions>()
            .Bind(builder.Configuration.GetSection(CrawlerOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MinRefetchMinutes <= o.MaxRefetchMinutes, "Crawler:MinRefetchMinutes must not exceed Crawler:MaxRefetchMinutes.")
            .ValidateOnStart();
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<FetchPageConsumer, FetchPageConsumerDefinition>();

    private sealed class CrawlerOptionsMarker;
}
