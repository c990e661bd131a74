using MassTransit;
using Microsoft.Extensions.Options;

namespace Pipeline.Store;

/// <summary>
/// Writes go through the <see cref="StoreWriteBatcher"/>: twice a batch of deliveries in flight lets the next batch fill
/// while one is written. Longer retries ride out a busy database.
/// </summary>
public sealed class StoreDocumentConsumerDefinition : ConsumerDefinition<StoreDocumentConsumer>
{
    public StoreDocumentConsumerDefinition(IOptions<StoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.BatchSize * 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<StoreDocumentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
