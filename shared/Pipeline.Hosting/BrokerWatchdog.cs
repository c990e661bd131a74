using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Hosting;

/// <summary>
/// Watches the bus's health (connection and receive endpoints). A bus that stays unhealthy longer than
/// <see cref="RabbitMqSettings.UnhealthyExitSeconds"/> (a broker outage it has not recovered from, or consumers that
/// silently stopped) stops the process with exit code <see cref="ExitCode"/>, so its supervisor restarts it with a
/// fresh connection instead of leaving a process up that consumes nothing.
/// </summary>
internal sealed class BrokerWatchdog(
    IBusControl bus,
    IHostApplicationLifetime lifetime,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<BrokerWatchdog> log) : BackgroundService
{
    public const int ExitCode = 71;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.RabbitMq.UnhealthyExitSeconds);
        if (options.Value.Transport != TransportKind.RabbitMq || limit <= TimeSpan.Zero)
        {
            return;
        }

        DateTimeOffset? unhealthySince = null;
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var health = bus.CheckHealth();
                var now = clock.GetUtcNow();
                if (health.Status == BusHealthStatus.Healthy)
                {
                    if (unhealthySince is { } since)
                    {
                        log.LogInformation("The bus is healthy again after {Seconds:F0} s", (now - since).TotalSeconds);
                    }

                    unhealthySince = null;
                    continue;
                }

                if (unhealthySince is null)
                {
                    unhealthySince = now;
                    log.LogWarning("The bus is {Status}: {Description}; waiting up to {Limit} for it to recover", health.Status, health.Description, limit);
                }
                else if (now - unhealthySince >= limit)
                {
                    log.LogCritical(
                        "The bus has been {Status} for {Seconds:F0} s ({Description}); stopping with exit code {ExitCode} so that the supervisor restarts this service",
                        health.Status, (now - unhealthySince.Value).TotalSeconds, health.Description, ExitCode);
                    Environment.ExitCode = ExitCode;
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
