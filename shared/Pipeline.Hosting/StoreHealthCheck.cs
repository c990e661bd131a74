using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Storage;

namespace Pipeline.Hosting;

/// <summary>Healthy when the store answers a count.</summary>
internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{statistics.Documents} documents");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The document store does not answer.", ex);
        }
    }
}
