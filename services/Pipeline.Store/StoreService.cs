using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Store;

/// <summary>Registers the store writer, in its own process or inside the all-in-one host.</summary>
public static class StoreService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StoreOptions>()
            .Bind(builder.Configuration.GetSection(StoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddSingleton<StoreWriteBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreWriteBatcher>());
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StoreDocumentConsumer, StoreDocumentConsumerDefinition>();
}
