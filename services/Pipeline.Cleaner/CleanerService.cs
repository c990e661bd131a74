using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Cleaning;
using Pipeline.Hosting;

namespace Pipeline.Cleaner;

/// <summary>Registers the cleaner, in its own process or inside the all-in-one host.</summary>
public static class CleanerService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new DocumentCleaner(new CleaningOptions
        {
            MaxInputBytes = sp.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDocumentBytes,
        }));
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>();
}
