using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Storage;

namespace Pipeline.Hosting;

/// <summary>Healthy when the store answers a ping (MongoDB's <c>ping</c> command, a query on SQLite).</summary>
internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The document store answers.");
        }
        catch (StoreUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The document store does not answer.", ex);
        }
    }
}
