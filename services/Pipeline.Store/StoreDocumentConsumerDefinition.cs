using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.Store;

/// <summary>
/// Writes go through the <see cref="StoreWriteBatcher"/>: twice a batch of deliveries in flight lets the next batch fill
/// while one is written. A document the store cannot take is retried a few times, then faults. A store that cannot be
/// reached (MongoDB down, SQLite locked) is waited out: the messages in hand are retried with backoff for up to about
/// 20 minutes, which holds the consumer's slots so the endpoint takes nothing new, and nothing goes to <c>_error</c>
/// meanwhile; consuming resumes by itself.
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
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<Exception>(StoreFaults.IsUnavailable);
            r.Exponential(45, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<Exception>(StoreFaults.IsUnavailable);
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
