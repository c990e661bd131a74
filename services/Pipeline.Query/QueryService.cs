using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;

namespace Pipeline.Query;

/// <summary>Registers and maps the query API and page, in its own process or inside the all-in-one host.</summary>
public static class QueryService
{
    /// <summary>Room for multipart framing around an upload of the largest allowed document.</summary>
    internal const int MultipartOverheadBytes = 64 * 1024;

    public static void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Pipeline query API";
            document.Info.Description = "Search the stored documents, read one, list entities, see the pipeline's state, and ingest documents or define crawls (writes need the X-Api-Key header).";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<PipelineOptions>>((form, pipeline) =>
            form.MultipartBodyLengthLimit = pipeline.Value.MaxDocumentBytes + MultipartOverheadBytes);
        builder.Services.AddCors();
        builder.Services.AddHttpClient(QueueDepths.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<QueueDepths>();
        builder.Services.AddSingleton(WebAssets.Load());
    }

    /// <summary>The query options, checked at start; also in a parent host, whose bus runs the outcome consumer.</summary>
    private static void AddOptions(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryOptions>()
            .Bind(builder.Configuration.GetSection(QueryOptions.SectionName))
            .Validate(o => string.IsNullOrEmpty(o.ApiKey) || o.ApiKey.Length >= 16, "Query:ApiKey must be at least 16 characters.")
            .Validate(o => o.OutcomeRetentionHours is > 0 and <= 24 * 365, "Query:OutcomeRetentionHours must be more than 0 and at most a year.")
            .Validate(o => o.CorsOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out _)), "Query:CorsOrigins must hold absolute origins such as https://example.com.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>The query service follows what becomes of the documents people send it, to tell them at their location.</summary>
    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<OutcomeConsumer, OutcomeConsumerDefinition>();
    }

    /// <summary>Adds the middleware, the API, the OpenAPI document, health and the page.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders.Apply);
        var origins = app.Services.GetRequiredService<IOptions<QueryOptions>>().Value.CorsOrigins;
        if (origins.Length > 0)
        {
            app.UseCors(cors => cors.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", ApiKeyFilter.HeaderName));
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        var api = app.MapGroup("/api");
        DocumentEndpoints.Map(api);
        EntityEndpoints.Map(api);
        StatsEndpoints.Map(api);
        ErrorEndpoints.Map(api);
        CrawlEndpoints.Map(api);
        app.Services.GetRequiredService<WebAssets>().Map(app);
    }

    /// <summary>
    /// Hosts the API and page inside another host (<c>pipeline run</c>) on <paramref name="url"/>, over that host's
    /// store, bus, health checks and configuration.
    /// </summary>
    public static void AddEmbedded(IHostApplicationBuilder host, string url)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrEmpty(url);
        var configuration = host.Configuration;
        AddOptions(host);
        host.Services.AddHostedService(sp => new EmbeddedQueryHost(sp, configuration, url));
    }
}
