using MassTransit;

namespace Pipeline.Crawler;

/// <summary>Reports are small and touch the store once or twice: several at a time, short retries for the store.</summary>
internal sealed class FetchCompletedConsumerDefinition : ConsumerDefinition<FetchCompletedConsumer>
{
    public FetchCompletedConsumerDefinition() => ConcurrentMessageLimit = 8;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FetchCompletedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
}
