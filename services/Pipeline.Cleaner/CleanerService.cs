using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Cleaning;
using Pipeline.Extraction;
using Pipeline.Hosting;

namespace Pipeline.Cleaner;

/// <summary>Registers the cleaner, in its own process or inside the all-in-one host.</summary>
public static class CleanerService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ExtractionSettings>()
            .Bind(builder.Configuration.GetSection(ExtractionSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new DocumentCleaner(new CleaningOptions
        {
            MaxInputBytes = sp.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDocumentBytes,
        }));
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<ExtractionSettings>>().Value;
            return new DocumentExtractor(sp.GetRequiredService<DocumentCleaner>(), new ExtractionOptions
            {
                MaxExpandedBytes = settings.MaxExpandedBytes,
                MaxEntries = settings.MaxArchiveEntries,
                MaxNesting = settings.MaxNesting,
                MaxPages = settings.MaxPdfPages,
            });
        });
        builder.Services.AddOptions<SiteTemplateSettings>()
            .Bind(builder.Configuration.GetSection(SiteTemplateSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SiteTemplateFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>();
}
