using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pipeline.Hosting;

/// <summary>The broker's state as <see cref="BrokerWatchdog"/> last saw it, reported by the health checks (<c>/health</c>).</summary>
internal sealed class BrokerHealth : IHealthCheck
{
    private volatile Tuple<HealthStatus, string> state = Tuple.Create(HealthStatus.Healthy, "Not checked yet.");

    public void Report(HealthStatus status, string description) => state = Tuple.Create(status, description);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (status, description) = state;
        return Task.FromResult(new HealthCheckResult(status, description));
    }
}
