using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>
/// Opens the store for commands that only read it. A read never creates a database: when there is none where the
/// command looked, it says so and where.
/// </summary>
internal sealed class ReadStore : IDisposable
{
    private readonly IHost host;

    private ReadStore(IHost host) => this.host = host;

    public IDocumentStore Documents => host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The store under <paramref name="dataDirectory"/>, or null after printing why there is none.</summary>
    public static async Task<ReadStore?> OpenAsync(string dataDirectory, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "pipeline.db");
        if (!File.Exists(path))
        {
            await error.WriteLineAsync(
                $"No store at {path}: nothing was ingested there yet. Ingest with `pipeline ingest PATH` or `pipeline run`, or give the data folder with --data.");
            return null;
        }

        var builder = AllInOne.CreateBuilder(dataDirectory, LogLevel.Warning);
        builder.AddPipelineStore();
        return new ReadStore(builder.Build());
    }

    public void Dispose() => host.Dispose();
}
