using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/stats</c>: what the store holds and, on RabbitMQ, how much is waiting.</summary>
internal static class StatsEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stats", GetAsync)
            .WithTags("Status")
            .AddEndpointFilter(ApiKeyFilter.Reads)
            .WithName("GetStatistics")
            .WithSummary("Documents stored, by source kind and host, the last stored time, and queue depths when on RabbitMQ.")
            .Produces<StatsResponse>();

    private static async Task<IResult> GetAsync(IDocumentStore store, QueueDepths queues, IOptions<PipelineOptions> pipeline, CancellationToken cancellationToken)
    {
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        var options = pipeline.Value;
        var depths = options.Transport == TransportKind.RabbitMq ? await queues.ReadAsync(cancellationToken) : null;
        return TypedResults.Ok(new StatsResponse(
            statistics.Documents,
            statistics.Duplicates,
            statistics.BySourceKind,
            statistics.ByHost,
            statistics.LastStoredAt,
            options.Transport.ToString(),
            options.Store.ToString(),
            depths));
    }
}
