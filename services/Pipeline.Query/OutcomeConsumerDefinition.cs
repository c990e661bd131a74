using MassTransit;

namespace Pipeline.Query;

/// <summary>Outcome writes are small; retries ride out a busy database.</summary>
internal sealed class OutcomeConsumerDefinition : ConsumerDefinition<OutcomeConsumer>
{
    public OutcomeConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OutcomeConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
}
