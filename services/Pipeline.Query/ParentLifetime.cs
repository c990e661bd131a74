namespace Pipeline.Query;

/// <summary>The embedded app's lifetime: signals (Ctrl+C, SIGTERM) belong to the parent host, which stops this app in turn.</summary>
internal sealed class ParentLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
