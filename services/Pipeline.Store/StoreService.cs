using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Storage;

namespace Pipeline.Store;

/// <summary>Registers the store writer, in its own process or inside the all-in-one host.</summary>
public static class StoreService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<StoreInitializer>();
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StoreDocumentConsumer, StoreDocumentConsumerDefinition>();
}
