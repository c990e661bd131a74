using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Inbox;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Services.Tests;

/// <summary>An inbox folder, an SQLite store and the inbox's completion consumer on the test harness; builds watchers over them.</summary>
internal sealed class InboxRig : IAsyncDisposable
{
    private InboxRig(string root, ServiceProvider provider, ITestHarness harness, SqliteDocumentStore store)
    {
        Root = root;
        Folder = new InboxFolder(root);
        Folder.EnsureCreated();
        Provider = provider;
        Harness = harness;
        Store = store;
    }

    public string Root { get; }

    public InboxFolder Folder { get; }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness { get; }

    public SqliteDocumentStore Store { get; }

    public List<string> Warnings { get; } = [];

    public static async Task<InboxRig> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("pipeline-inbox-").FullName;
        var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(root + "-data", "pipeline.db") });
        await store.InitializeAsync(default);
        var (provider, harness) = await Services.Tests.Harness.StartAsync(
            s => s.AddSingleton(new InboxFolder(root)),
            b => b.AddConsumer<InboxCompletionConsumer, InboxCompletionConsumerDefinition>());
        return new InboxRig(root, provider, harness, store);
    }

    public InboxWatcher CreateWatcher(int stableMilliseconds = 200, int concurrency = 4)
    {
        var options = Options.Create(new InboxOptions { Path = Root, RescanSeconds = 1, StableMilliseconds = stableMilliseconds, Concurrency = concurrency });
        var logs = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(Warnings)));
        var publisher = new InboxPublisher(
            Folder,
            new FileIntake(1024 * 1024, options.Value.Extensions, TimeProvider.System),
            Provider.GetRequiredService<IBus>(),
            Store,
            options,
            logs.CreateLogger<InboxPublisher>());
        return new InboxWatcher(Folder, publisher, options, TimeProvider.System, logs.CreateLogger<InboxWatcher>());
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
        Directory.Delete(Root + "-data", recursive: true);
    }
}
