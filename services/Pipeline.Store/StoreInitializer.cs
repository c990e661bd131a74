using Microsoft.Extensions.Hosting;
using Pipeline.Storage;

namespace Pipeline.Store;

/// <summary>Creates or migrates the schema and indexes before the first message is consumed.</summary>
internal sealed class StoreInitializer(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
