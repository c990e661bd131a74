using MassTransit;

namespace Pipeline.Tagger;

/// <summary>Tagging is CPU-bound: one message per core at a time, short retries for transient faults.</summary>
public sealed class TagDocumentConsumerDefinition : ConsumerDefinition<TagDocumentConsumer>
{
    public TagDocumentConsumerDefinition() => ConcurrentMessageLimit = Environment.ProcessorCount;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TagDocumentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
