using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Hosting;

/// <summary>
/// Turns a background service that died into a non-zero exit code. The host stops when a background service throws
/// (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>) but would still exit 0, and a supervisor set to
/// restart on failure would then leave the service down.
/// </summary>
internal sealed class HostedServiceFailures(IServiceProvider services, ILogger<HostedServiceFailures> log) : IHostedService
{
    /// <summary>The exit code of a process stopped by a failed background service.</summary>
    public const int ExitCode = 70;

    private List<BackgroundService> _watched = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved at start, not in the constructor (that would be a dependency on ourselves) and not at stop, when a
        // test host may already have disposed its service provider.
        _watched = services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _watched)
        {
            if (service.ExecuteTask is { IsFaulted: true } task)
            {
                log.LogCritical(
                    task.Exception.GetBaseException(),
                    "{Service} failed; the process stops with exit code {ExitCode} so that its supervisor restarts it",
                    service.GetType().Name,
                    ExitCode);
                Environment.ExitCode = ExitCode;
            }
        }

        return Task.CompletedTask;
    }
}
