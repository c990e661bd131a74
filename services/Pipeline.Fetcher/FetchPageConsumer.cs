using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Fetcher;

/// <summary>
/// Fetches the one URL a <see cref="FetchRequested"/> names: publishes <see cref="DocumentFetched"/> for new content
/// (or <see cref="DocumentRejected"/>), and always tells the crawler how it went with <see cref="FetchCompleted"/>.
/// A URL sent to <c>POST /api/documents</c> (source kind <c>api</c>) belongs to no crawl run: nobody would retry it or
/// follow its redirect, so its redirects are followed here and every other ending is a rejection its sender can read.
/// </summary>
internal sealed class FetchPageConsumer(PageFetcher fetcher, ICrawlStateStore crawlState, TimeProvider clock, ILogger<FetchPageConsumer> log) : IConsumer<FetchRequested>
{
    public const string Stage = "fetcher";

    /// <summary>The source kind of URLs sent through the API.</summary>
    public const string ApiKind = "api";

    /// <summary>Redirects followed for an API URL before it is refused.</summary>
    public const int MaxApiHops = 5;

    public async Task Consume(ConsumeContext<FetchRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var url = new Uri(message.Source.Uri);
        var api = message.Source.Kind == ApiKind;

        // The previous body's hash lives with the crawl state: a 200 with the same bytes makes no new version. A
        // sender waiting on its upload's outcome needs the store's answer, so an API URL is always fetched in full.
        var previous = await crawlState.GetFetchStateAsync(message.Source.Uri, context.CancellationToken);
        var result = await fetcher.FetchAsync(url, message.ETag, message.LastModified, api ? null : previous?.ContentHash, context.CancellationToken);
        if (api)
        {
            result = await FollowAsync(result, context.CancellationToken);
        }

        var now = clock.GetUtcNow();
        if (result.Outcome == FetchOutcome.Fetched)
        {
            await context.Publish(new DocumentFetched(
                message.DocumentId, message.Source, now.ToUnixTimeMilliseconds(), now, result.ContentType, result.Body!));
        }
        else if (result.Outcome == FetchOutcome.Rejected)
        {
            await context.Publish(new DocumentRejected(message.DocumentId, message.Source, Stage, result.RejectReason!, result.Error!, now));
        }
        else if (api)
        {
            var (reason, detail) = Refusal(message.Source.Uri, result);
            await context.Publish(new DocumentRejected(message.DocumentId, message.Source, Stage, reason, detail, now));
        }

        log.LogInformation("Fetched {Url}: {Outcome} ({Status}) {Error}", message.Source.Uri, result.Outcome, result.StatusCode, result.Error);
        await context.Publish(new FetchCompleted(
            message.DocumentId, message.CrawlName, message.Source.Uri, message.Depth, result.Outcome, result.StatusCode,
            result.ETag, result.LastModified, result.ContentHash, result.Target, result.RetryAfterSeconds, result.Error, result.Links, now));
    }

    /// <summary>
    /// Follows redirects (each connection through the same address checks) up to <see cref="MaxApiHops"/>. A page
    /// naming another URL as canonical is still the page its sender asked for, so it is taken as fetched.
    /// </summary>
    private async Task<PageFetch> FollowAsync(PageFetch result, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < MaxApiHops && result.Outcome == FetchOutcome.Redirect; hop++)
        {
            if (!Uri.TryCreate(result.Target, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                return new PageFetch(FetchOutcome.PermanentError, result.StatusCode, $"it redirects to '{result.Target}', which is not an http or https URL");
            }

            result = await fetcher.FetchAsync(target, null, null, null, cancellationToken);
        }

        return result.Outcome == FetchOutcome.Canonical && result.Body is not null ? result with { Outcome = FetchOutcome.Fetched } : result;
    }

    private static (string Reason, string Detail) Refusal(string uri, PageFetch result) => result.Outcome switch
    {
        FetchOutcome.Redirect => ("too-many-redirects", $"{uri} still redirects after {MaxApiHops} hops (last to {result.Target})."),
        FetchOutcome.Throttled => ("fetch-failed", $"{uri} could not be fetched: the server asks to slow down ({result.Error}); send it again later."),
        FetchOutcome.TransientError => ("fetch-failed", $"{uri} could not be fetched: {result.Error}; send it again later."),
        _ => ("fetch-failed", $"{uri} could not be fetched: {result.Error ?? "HTTP " + result.StatusCode}."),
    };
}
