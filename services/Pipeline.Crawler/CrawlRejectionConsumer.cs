using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;

namespace Pipeline.Crawler;

/// <summary>
/// Reports a crawled page a stage rejected (too large, unreadable, nothing left after cleaning), once, as the crawl
/// that asked for it: the stage itself logs it at Information, like the documents it passes on. Other sources have
/// their own owner (the inbox moves its file to failed/, an upload's sender is answered).
/// </summary>
internal sealed partial class CrawlRejectionConsumer(ILogger<CrawlRejectionConsumer> log) : IConsumer<DocumentRejected>
{
    /// <summary>The source kind of the pages a crawl fetches.</summary>
    public const string SourceKind = "web";

    public Task Consume(ConsumeContext<DocumentRejected> context)
    {
        var m = context.Message;
        if (m.Source.Kind == SourceKind)
        {
            LogRejected(m.Source.Uri, m.Stage, m.Reason, m.Detail);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Url} rejected at {Stage}: {Reason} ({Detail})")]
    private partial void LogRejected(string url, string stage, string reason, string detail);
}
