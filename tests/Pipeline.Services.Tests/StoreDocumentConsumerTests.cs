using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;
using Pipeline.Store;

namespace Pipeline.Services.Tests;

public sealed class StoreDocumentConsumerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-store-consumer-").FullName;

    [Fact]
    public async Task Stores_the_document_once_even_when_delivered_twice()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(directory, "s.db") });
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton<IDocumentStore>(store).AddSingleton(Options.Create(new StoreOptions())).AddSingleton<StoreWriteBatcher>(),
            b => b.AddConsumer<StoreDocumentConsumer, StoreDocumentConsumerDefinition>());
        await using var _ = provider;
        var writer = provider.GetRequiredService<StoreWriteBatcher>();
        await writer.StartAsync(default);
        var id = Guid.NewGuid();
        var message = new DocumentTagged(
            id, new DocumentSource("web", "https://example.org/a", "example.org/a"), 5, DateTimeOffset.UtcNow,
            "Title", "Ketamine text.", "en", null, null, null, [new RemovedText("share-buttons", "Share")],
            [new EntityMention("Chemical", "Ketamine", 0, 8, "ketamine", "DB01221")]);

        await harness.Bus.Publish(message);
        await harness.Bus.Publish(message);

        Assert.True(await harness.Published.Any<DocumentStored>(x => x.Context.Message.Outcome == StoreOutcome.Stored));
        Assert.True(await harness.Published.Any<DocumentStored>(x => x.Context.Message.Outcome == StoreOutcome.Unchanged));
        var stored = await store.GetAsync(id, default);
        Assert.NotNull(stored);
        Assert.Equal(["Chemical:ketamine"], stored.EntityKeys);
        Assert.Equal(1, await store.CountAsync(new DocumentQuery(), default));
        await writer.StopAsync(default);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
