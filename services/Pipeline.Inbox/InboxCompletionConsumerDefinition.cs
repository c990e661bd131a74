using MassTransit;

namespace Pipeline.Inbox;

/// <summary>File moves are quick and local; retries cover a file briefly held open by another program.</summary>
public sealed class InboxCompletionConsumerDefinition : ConsumerDefinition<InboxCompletionConsumer>
{
    public InboxCompletionConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<InboxCompletionConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
}
