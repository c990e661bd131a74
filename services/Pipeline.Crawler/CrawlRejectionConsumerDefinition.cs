using MassTransit;

namespace Pipeline.Crawler;

/// <summary>A report is one log line: many at a time, no retries needed.</summary>
internal sealed class CrawlRejectionConsumerDefinition : ConsumerDefinition<CrawlRejectionConsumer>
{
    public CrawlRejectionConsumerDefinition() => ConcurrentMessageLimit = 8;
}
