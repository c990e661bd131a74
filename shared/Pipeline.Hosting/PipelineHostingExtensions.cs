using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Hosting;

/// <summary>The one place a host is wired: options, logging, the store, the transport and health checks.</summary>
public static class PipelineHostingExtensions
{
    /// <summary>
    /// Adds the pipeline to a host: <c>Pipeline:Transport</c> picks the in-memory transport or RabbitMQ,
    /// <c>Pipeline:Store</c> picks SQLite or MongoDB. <paramref name="configureBus"/> adds this host's consumers.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configureBus)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureBus);

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.AddPipelineStore();
        var options = builder.Configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>() ?? new PipelineOptions();
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.Services.AddHostedService<HostedServiceFailures>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<BrokerWatchdog>();
        builder.Services.TryAddSingleton<BrokerHealth>();
        if (options.Transport == TransportKind.RabbitMq)
        {
            builder.Services.AddHealthChecks().AddCheck<BrokerHealth>("broker", HealthStatus.Unhealthy, ["ready"]);
        }

        // A consumer waiting out a store outage must not hold up a stop: it is cancelled and its message redelivered.
        builder.Services.Configure<MassTransitHostOptions>(o => (o.ConsumerStopTimeout, o.StopTimeout) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // Nothing phones home: MassTransit 8.4+ reports usage to its vendor unless told not to.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            configureBus(bus);
            if (options.Transport == TransportKind.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<PipelineOptions>>().Value.RabbitMq.Resolve();
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return builder;
    }

    /// <summary>Adds only the options and the document store (for commands that query without a bus).</summary>
    public static IHostApplicationBuilder AddPipelineStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(IDocumentStore)))
        {
            return builder;
        }

        builder.Services.AddOptions<PipelineOptions>()
            .Bind(builder.Configuration.GetSection(PipelineOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Store != StoreKind.Mongo || !string.IsNullOrWhiteSpace(o.Mongo.ConnectionString),
                "Pipeline:Mongo:ConnectionString is required when Pipeline:Store is Mongo.")
            .ValidateOnStart();

        builder.Services.AddSingleton<IDocumentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            return options.Store switch
            {
                StoreKind.Mongo => (IDocumentStore)MongoDocumentStore.Create(new MongoStoreOptions
                {
                    ConnectionString = options.Mongo.ConnectionString!,
                    Database = options.Mongo.Database,
                    Collection = options.Mongo.Collection,
                }),
                _ => new SqliteDocumentStore(new SqliteStoreOptions { Path = options.SqlitePath }),
            };
        });

        // Both adapters keep crawl state and site templates beside the documents, in the same database.
        builder.Services.AddSingleton(sp => (ICrawlStateStore)sp.GetRequiredService<IDocumentStore>());
        builder.Services.AddSingleton(sp => (ISiteTemplateStore)sp.GetRequiredService<IDocumentStore>());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}
