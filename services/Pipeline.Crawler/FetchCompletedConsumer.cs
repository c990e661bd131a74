using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Crawler;

/// <summary>
/// Hands a fetcher's report to the crawl coordinator; a fetch that faulted (its retries spent) is reported as a
/// transient error, so its host is freed at once instead of after the in-flight timeout.
/// </summary>
internal sealed class FetchCompletedConsumer(CrawlCoordinator coordinator, TimeProvider clock) : IConsumer<FetchCompleted>, IConsumer<Fault<FetchRequested>>
{
    public Task Consume(ConsumeContext<FetchCompleted> context) =>
        coordinator.OnFetchCompletedAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<FetchRequested>> context)
    {
        var request = context.Message.Message;
        var error = "the fetcher failed: " + string.Join(" | ", context.Message.Exceptions.Select(e => e.Message));
        return coordinator.OnFetchCompletedAsync(
            new FetchCompleted(request.DocumentId, request.CrawlName, request.Source.Uri, request.Depth, FetchOutcome.TransientError, 0,
                null, null, null, null, null, error, [], clock.GetUtcNow()),
            context.CancellationToken);
    }
}
