using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Hosting;

/// <summary>
/// Watches the bus's health (connection and receive endpoints) and whether the broker answers at all (MassTransit
/// notices a stopped broker only once its endpoints have given up stopping, which can take longer than an outage), and
/// reports both through the health checks (<see cref="BrokerHealth"/>). A bus that stays unhealthy longer than
/// <see cref="RabbitMqSettings.UnhealthyExitSeconds"/> (a broker outage it has not recovered from, or consumers that
/// silently stopped) stops the process with exit code <see cref="ExitCode"/>, so its supervisor restarts it with a
/// fresh connection instead of leaving a process up that consumes nothing.
/// </summary>
internal sealed class BrokerWatchdog(
    IBusControl bus,
    IHostApplicationLifetime lifetime,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    BrokerHealth report,
    ILogger<BrokerWatchdog> log) : BackgroundService
{
    public const int ExitCode = 71;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1.5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.RabbitMq.UnhealthyExitSeconds);
        if (options.Value.Transport != TransportKind.RabbitMq)
        {
            return;
        }

        var rabbit = options.Value.RabbitMq.Resolve();
        DateTimeOffset? unhealthySince = null;
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (status, description) = await CheckAsync(rabbit, stoppingToken);
                report.Report(status switch { BusHealthStatus.Healthy => HealthStatus.Healthy, BusHealthStatus.Degraded => HealthStatus.Degraded, _ => HealthStatus.Unhealthy }, description);
                var now = clock.GetUtcNow();
                if (status == BusHealthStatus.Healthy)
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
                    log.LogWarning("The bus is {Status}: {Description}; waiting up to {Limit} for it to recover", status, description, limit);
                }
                else if (limit > TimeSpan.Zero && now - unhealthySince >= limit)
                {
                    log.LogCritical(
                        "The bus has been {Status} for {Seconds:F0} s ({Description}); stopping with exit code {ExitCode} so that the supervisor restarts this service",
                        status, (now - unhealthySince.Value).TotalSeconds, description, ExitCode);
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

    /// <summary>The bus's own health, or Unhealthy when it looks healthy but the broker does not answer.</summary>
    private async Task<(BusHealthStatus Status, string Description)> CheckAsync(RabbitMqSettings rabbit, CancellationToken stoppingToken)
    {
        var health = bus.CheckHealth();
        if (health.Status == BusHealthStatus.Healthy && !await BrokerProbe.AnswersAsync(rabbit.Host, rabbit.Port, ProbeTimeout, stoppingToken))
        {
            return (BusHealthStatus.Unhealthy, $"the broker at {rabbit.Host}:{rabbit.Port} does not answer");
        }

        return (health.Status, health.Description);
    }
}
