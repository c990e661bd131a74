using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Tagging;

namespace Pipeline.Tagger;

/// <summary>Registers the tagger, in its own process or inside the all-in-one host.</summary>
public static class TaggerService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(_ => EntityTagger.LoadDefault());
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<TagDocumentConsumer, TagDocumentConsumerDefinition>();
}
