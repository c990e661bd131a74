using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Crawler;

/// <summary>Hands a fetcher's report to the crawl coordinator.</summary>
internal sealed class FetchCompletedConsumer(CrawlCoordinator coordinator) : IConsumer<FetchCompleted>
{
    public Task Consume(ConsumeContext<FetchCompleted> context) =>
        coordinator.OnFetchCompletedAsync(context.Message, context.CancellationToken);
}
