using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Cleaner;
using Pipeline.Hosting;
using Pipeline.Store;
using Pipeline.Tagger;

namespace Pipeline.Cli;

/// <summary>The all-in-one host: every stage in one process on the in-memory transport with the SQLite store.</summary>
internal static class AllInOne
{
    /// <summary>The stages that log one line per document at Information.</summary>
    private static readonly string[] PerDocumentCategories =
    [
        "Pipeline.Inbox.InboxWatcher", "Pipeline.Inbox.InboxCompletionConsumer", "Pipeline.Cleaner.CleanDocumentConsumer",
        "Pipeline.Tagger.TagDocumentConsumer", "Pipeline.Store.StoreDocumentConsumer",
    ];

    /// <summary>The owners that report a rejected document once (the inbox's is among the per-document categories).</summary>
    private static readonly string[] RejectionOwnerCategories = ["Pipeline.Crawler.CrawlRejectionConsumer"];

    /// <summary>A host builder whose settings put the store under <paramref name="dataDirectory"/>; the environment may still override the rest.</summary>
    public static HostApplicationBuilder CreateBuilder(string dataDirectory, LogLevel minimumLevel, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        var values = new Dictionary<string, string?>
        {
            ["Pipeline:Transport"] = nameof(TransportKind.InMemory),
            ["Pipeline:Store"] = nameof(StoreKind.Sqlite),
            ["Pipeline:DataDirectory"] = Path.GetFullPath(dataDirectory),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("MassTransit", minimumLevel < LogLevel.Warning ? LogLevel.Warning : minimumLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        foreach (var category in PerDocumentCategories)
        {
            // Five lines per document cost the one process a seventh of its CPU; their warnings (rejections, faults)
            // stay. Logging__LogLevel__<category>=Information brings the per-document lines back.
            if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
            {
                builder.Logging.AddFilter(category, minimumLevel < LogLevel.Warning ? LogLevel.Warning : minimumLevel);
            }
        }

        return builder;
    }

    /// <summary>
    /// For commands that print each document's result themselves (<c>ingest</c>, <c>crawl once</c>): the stages'
    /// warnings (a rejection) would say it a second time. Errors (faults) still show.
    /// </summary>
    public static void QuietStageWarnings(IHostApplicationBuilder builder)
    {
        // The per-document categories are named too: a filter on a longer category name wins over a shorter one.
        foreach (var category in new[] { "Pipeline.Inbox", "Pipeline.Cleaner", "Pipeline.Tagger", "Pipeline.Store" }.Concat(PerDocumentCategories).Concat(RejectionOwnerCategories))
        {
            builder.Logging.AddFilter(category, LogLevel.Error);
        }
    }

    /// <summary>Adds the cleaner, tagger and store stages (their services; consumers go in the bus callback).</summary>
    public static void AddStages(IHostApplicationBuilder builder)
    {
        StoreService.AddServices(builder);
        CleanerService.AddServices(builder);
        TaggerService.AddServices(builder);
    }

    public static void AddStageConsumers(MassTransit.IBusRegistrationConfigurator bus)
    {
        CleanerService.AddConsumers(bus);
        TaggerService.AddConsumers(bus);
        StoreService.AddConsumers(bus);
    }
}
