using Pipeline.Storage.Sqlite;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Inbox;

namespace Pipeline.Services.Tests;

public sealed class InboxFlowControlTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pipeline-inbox-flow-").FullName;

    [Fact]
    public async Task No_more_files_than_the_in_flight_limit_are_claimed_until_one_finishes()
    {
        using var folder = new InboxFolder(root, maxInFlight: 2);
        folder.EnsureCreated();
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton(folder),
            b => b.AddConsumer<InboxCompletionConsumer, InboxCompletionConsumerDefinition>());
        await using var _ = provider;
        var options = new InboxOptions { Path = root, RescanSeconds = 1, StableMilliseconds = 100 };
        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(root + "-data", "pipeline.db") });
        var publisher = new InboxPublisher(
            folder, new FileIntake(1024 * 1024, options.Extensions, TimeProvider.System), provider.GetRequiredService<IBus>(),
            store, Options.Create(options), NullLogger<InboxPublisher>.Instance);
        using var watcher = new InboxWatcher(folder, publisher, Options.Create(options), TimeProvider.System, NullLogger<InboxWatcher>.Instance);
        await watcher.StartAsync(default);

        for (var i = 0; i < 5; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(root, $"file-{i}.txt"), $"Document {i} for the flow control test.");
        }

        Assert.True(await Harness.Eventually(() => Directory.GetFiles(folder.Processing).Length == 2));
        await Task.Delay(1500);
        Assert.Equal(2, Directory.GetFiles(folder.Processing).Length);
        Assert.Equal(3, Directory.GetFiles(root).Length);

        var first = Path.GetFileName(Directory.GetFiles(folder.Processing)[0]);
        await harness.Bus.Publish(new DocumentStored(InboxSources.IdOf(first), InboxSources.For(first), 1, "hash", StoreOutcome.Stored, null, DateTimeOffset.UtcNow));

        Assert.True(await Harness.Eventually(() => File.Exists(Path.Combine(folder.Done, first)) && Directory.GetFiles(root).Length == 2));
        Assert.Equal(2, Directory.GetFiles(folder.Processing).Length);
        await watcher.StopWithinAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
        if (Directory.Exists(root + "-data"))
        {
            Directory.Delete(root + "-data", recursive: true);
        }
    }
}
