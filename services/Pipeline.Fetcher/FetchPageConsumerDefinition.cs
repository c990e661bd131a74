using MassTransit;

namespace Pipeline.Fetcher;

/// <summary>
/// Fetching waits on the network, so one process runs many at once (<c>Crawler:FetcherConcurrency</c>); failures
/// are reported to the crawler as outcomes, so retry here only covers the bus and the store.
/// </summary>
internal sealed class FetchPageConsumerDefinition : ConsumerDefinition<FetchPageConsumer>
{
    public FetchPageConsumerDefinition(Microsoft.Extensions.Options.IOptions<CrawlerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.FetcherConcurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FetchPageConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = ConcurrentMessageLimit ?? 16;
        endpointConfigurator.UseMessageRetry(r => r.Intervals(500, 2000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
