using Microsoft.Extensions.Options;
using Pipeline.Crawler;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/stats</c>: what the store holds, what it stored lately, the crawls and, on RabbitMQ, how much is waiting.</summary>
internal static class StatsEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stats", GetAsync)
            .WithTags("Status")
            .AddEndpointFilter(ApiKeyFilter.Reads)
            .AddEndpointFilter(KnownParameters.None)
            .WithName("GetStatistics")
            .WithSummary(
                "Documents stored, by source kind and host, per minute over the last hour, the store's size, the crawls with their last and next " +
                "runs, whether writes are on, and queue depths with their consumers when on RabbitMQ.")
            .Produces<StatsResponse>();

    private static async Task<IResult> GetAsync(
        IDocumentStore store, ICrawlStateStore crawlState, QueueDepths queues, IOptions<PipelineOptions> pipeline, IOptions<QueryOptions> query,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        var options = pipeline.Value;
        var depths = options.Transport == TransportKind.RabbitMq ? await queues.ReadAsync(cancellationToken) : null;
        long? size = null;
        IReadOnlyList<MinuteCount>? perMinute = null;
        if (store is IStoreActivity activity)
        {
            size = await activity.SizeBytesAsync(cancellationToken);
            perMinute = await activity.StoredPerMinuteAsync(now.AddHours(-1), cancellationToken);
        }

        var runs = crawlState is ICrawlRunLog log
            ? (await log.ListLastRunsAsync(cancellationToken)).ToDictionary(r => r.CrawlName, StringComparer.Ordinal)
            : [];
        var crawls = (await crawlState.ListCrawlsAsync(cancellationToken))
            .Select(c => new CrawlStatusView(c.Name, CrawlDefinitions.Describe(c), c.Seeds, runs.GetValueOrDefault(c.Name), CrawlDefinitions.NextRun(c, runs.GetValueOrDefault(c.Name), now)))
            .ToList();
        return TypedResults.Ok(new StatsResponse(
            statistics.Documents,
            statistics.Duplicates,
            statistics.BySourceKind,
            statistics.ByHost,
            statistics.LastStoredAt,
            options.Transport.ToString(),
            options.Store.ToString(),
            depths,
            !string.IsNullOrEmpty(query.Value.ApiKey),
            size,
            perMinute,
            crawls));
    }
}
