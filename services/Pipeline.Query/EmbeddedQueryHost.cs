using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary>
/// Runs the query web app inside a generic host: a second, small web application whose store, bus, health checks
/// and logging are the parent's, so one process serves the page over the same SQLite file and in-memory bus.
/// </summary>
internal sealed class EmbeddedQueryHost(IServiceProvider parent, IConfiguration configuration, string url) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(parent.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(parent.GetRequiredService<IDocumentStore>());
        builder.Services.AddSingleton(parent.GetRequiredService<ICrawlStateStore>());
        builder.Services.AddSingleton(parent.GetRequiredService<IBus>());
        builder.Services.AddSingleton(parent.GetRequiredService<IOptions<PipelineOptions>>());
        builder.Services.AddSingleton(parent.GetRequiredService<HealthCheckService>());
        builder.Services.AddSingleton<IHostLifetime, ParentLifetime>();
        QueryService.AddServices(builder);
        builder.WebHost.UseUrls(url);
        app = builder.Build();
        QueryService.Map(app);
        await app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }
}
