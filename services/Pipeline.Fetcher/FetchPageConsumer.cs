using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Fetcher;

/// <summary>
/// Fetches the one URL a <see cref="FetchRequested"/> names: publishes <see cref="DocumentFetched"/> for new content
/// (or <see cref="DocumentRejected"/>), and always tells the crawler how it went with <see cref="FetchCompleted"/>.
/// </summary>
internal sealed class FetchPageConsumer(PageFetcher fetcher, ICrawlStateStore crawlState, TimeProvider clock, ILogger<FetchPageConsumer> log) : IConsumer<FetchRequested>
{
    public async Task Consume(ConsumeContext<FetchRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var url = new Uri(message.Source.Uri);

        // The previous body's hash lives with the crawl state: a 200 with the same bytes makes no new version.
        var previous = await crawlState.GetFetchStateAsync(message.Source.Uri, context.CancellationToken);
        var result = await fetcher.FetchAsync(url, message.ETag, message.LastModified, previous?.ContentHash, context.CancellationToken);
        var now = clock.GetUtcNow();
        if (result.Outcome == FetchOutcome.Fetched)
        {
            await context.Publish(new DocumentFetched(
                message.DocumentId, message.Source, now.ToUnixTimeMilliseconds(), now, result.ContentType, result.Body!));
        }
        else if (result.Outcome == FetchOutcome.Rejected)
        {
            await context.Publish(new DocumentRejected(message.DocumentId, message.Source, "fetcher", result.RejectReason!, result.Error!, now));
        }

        log.LogInformation("Fetched {Url}: {Outcome} ({Status}) {Error}", message.Source.Uri, result.Outcome, result.StatusCode, result.Error);
        await context.Publish(new FetchCompleted(
            message.DocumentId, message.CrawlName, message.Source.Uri, message.Depth, result.Outcome, result.StatusCode,
            result.ETag, result.LastModified, result.ContentHash, result.Target, result.RetryAfterSeconds, result.Error, result.Links, now));
    }
}
