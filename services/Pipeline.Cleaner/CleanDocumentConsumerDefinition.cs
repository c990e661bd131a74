using MassTransit;

namespace Pipeline.Cleaner;

/// <summary>Cleaning is CPU-bound: one message per core at a time, short retries for transient faults.</summary>
public sealed class CleanDocumentConsumerDefinition : ConsumerDefinition<CleanDocumentConsumer>
{
    public CleanDocumentConsumerDefinition() => ConcurrentMessageLimit = Environment.ProcessorCount;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CleanDocumentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
