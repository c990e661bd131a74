using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;

namespace Pipeline.Inbox;

/// <summary>Registers the inbox, in its own process or inside the all-in-one host.</summary>
public static class InboxService
{
    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<InboxOptions>()
            .Bind(builder.Configuration.GetSection(InboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var inbox = sp.GetRequiredService<IOptions<InboxOptions>>().Value;
            return new InboxFolder(inbox.Path, inbox.MaxInFlight);
        });
        builder.Services.AddSingleton(sp => new FileIntake(
            sp.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDocumentBytes,
            sp.GetRequiredService<IOptions<InboxOptions>>().Value.Extensions,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<InboxPublisher>();
        builder.Services.AddHostedService<InboxWatcher>();
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<InboxCompletionConsumer, InboxCompletionConsumerDefinition>();
}
