using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.Hosting;

/// <summary>Runs a service host; a store that cannot be reached or a setting that is wrong ends it with one line and exit code 1.</summary>
public static class PipelineHostRunner
{
    /// <summary>Runs <paramref name="host"/> until it stops; returns the process exit code.</summary>
    public static async Task<int> RunPipelineAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            // MongoDB is checked before the host starts, so an unreachable server is one line, not the host's stack trace.
            if (host.Services.GetService<IOptions<PipelineOptions>>()?.Value.Store == StoreKind.Mongo)
            {
                await host.Services.GetRequiredService<IDocumentStore>().InitializeAsync(CancellationToken.None);
            }

            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (Exception ex) when (StartFailure(ex) is { } message)
        {
            host.Dispose();
            await Console.Error.WriteLineAsync($"{AppDomain.CurrentDomain.FriendlyName}: cannot start: {message}");
            return 1;
        }
    }

    /// <summary>The one line for a failure people fix by configuration, or null for a bug (which keeps its stack trace).</summary>
    internal static string? StartFailure(Exception ex) => ex switch
    {
        StoreUnavailableException store => store.Message,
        OptionsValidationException options => string.Join(" ", options.Failures),
        AggregateException { InnerExceptions.Count: 1 } aggregate => StartFailure(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
