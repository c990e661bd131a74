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
        await writer.StopWithinAsync();
    }

    [Fact]
    public async Task A_store_that_is_away_for_longer_than_the_usual_retries_is_waited_out_and_the_document_stored()
    {
        var data = Path.Combine(directory, "data");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "s.db") });
        await store.InitializeAsync(default);
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton<IDocumentStore>(store).AddSingleton(Options.Create(new StoreOptions())).AddSingleton<StoreWriteBatcher>(),
            b => b.AddConsumer<StoreDocumentConsumer, StoreDocumentConsumerDefinition>());
        await using var _ = provider;
        var writer = provider.GetRequiredService<StoreWriteBatcher>();
        await writer.StartAsync(default);

        // The volume goes away: every open fails (SQLITE_CANTOPEN) until it is back.
        Directory.Move(data, data + ".away");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var id = Guid.NewGuid();
        await harness.Bus.Publish(new DocumentTagged(
            id, new DocumentSource("web", "https://example.org/b", "example.org/b"), 1, DateTimeOffset.UtcNow,
            "Title", "Text written during the outage.", "en", null, null, null, [], []));

        // The usual retries (five, 200 ms growing to 10 s) would have given up within about 7 s.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Directory.Move(data + ".away", data);

        Assert.True(await harness.Published.Any<DocumentStored>(x => x.Context.Message.DocumentId == id));
        Assert.False(await harness.Published.Any<Fault<DocumentTagged>>());
        Assert.NotNull(await store.GetAsync(id, default));
        await writer.StopWithinAsync();
    }

    [Fact]
    public void A_locked_sqlite_database_and_a_refused_connection_count_as_unavailable_but_a_bad_document_does_not()
    {
        var path = Path.Combine(directory, "locked.db");
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);";
            begin.ExecuteNonQuery();
        }

        using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Default Timeout=1");
        writer.Open();
        using var insert = writer.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (2)";
        var busy = Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => insert.ExecuteNonQuery());

        Assert.True(StoreFaults.IsUnavailable(busy));
        Assert.True(StoreFaults.IsUnavailable(new InvalidOperationException("wrapped", new System.Net.Sockets.SocketException(111))));
        Assert.False(StoreFaults.IsUnavailable(new ArgumentException("The document has no id.")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
