using MassTransit;

namespace Pipeline.Store;

/// <summary>Writes are serialised by the store; a few in flight keep the pipe full. Longer retries ride out a busy database.</summary>
public sealed class StoreDocumentConsumerDefinition : ConsumerDefinition<StoreDocumentConsumer>
{
    public StoreDocumentConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<StoreDocumentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
