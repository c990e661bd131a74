using System.Diagnostics;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;
using Pipeline.Tests.Shared;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Crash each worker (SIGKILL) once mid-load and start it again; every case must end like the fault-free run: every
/// file in done/, nothing stuck, each document stored once, nothing dead-lettered, within a bound of the clean run.
/// </summary>
public sealed class FaultSuiteTests(RabbitMqFixture broker, ITestOutputHelper output) : IClassFixture<RabbitMqFixture>, IDisposable
{
    private const int Documents = 150;
    private static readonly string[] Queues = BrokerQueues.Names;
    private static readonly string[] Workers = ["Pipeline.Store", "Pipeline.Cleaner", "Pipeline.Tagger", "Pipeline.Inbox"];
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-faults-").FullName;
    private readonly List<ServiceProcess> services = [];

    [Fact]
    public async Task Each_worker_killed_mid_load_and_restarted_loses_nothing_and_stores_nothing_twice()
    {
        var baseline = await RunAsync("none", victim: null);
        var rows = new List<string> { $"| none | 0 | 0 | 0 | {baseline.TotalSeconds:F1} s | 1.00 |" };
        foreach (var victim in Workers)
        {
            var elapsed = await RunAsync(victim, victim);
            rows.Add($"| kill -9 {victim} | 0 | 0 | 0 | {elapsed.TotalSeconds:F1} s | {elapsed / baseline:F2} |");

            // A restart costs a process start (several seconds on a busy machine) on top of the redelivered work.
            Assert.True(elapsed < baseline * 2 + TimeSpan.FromSeconds(30), $"{victim}: {elapsed.TotalSeconds:F1} s against {baseline.TotalSeconds:F1} s without a fault.");
        }

        output.WriteLine($"{Documents} documents | lost | duplicated | stuck | time | vs fault-free\n" + string.Join('\n', rows));
    }

    private async Task<TimeSpan> RunAsync(string name, string? victim)
    {
        var root = Path.Combine(work, name);
        var inbox = Path.Combine(root, "inbox");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(inbox);
        var environment = Environment(inbox, data);
        foreach (var project in Workers)
        {
            Start(project, environment, root, 0);
        }

        var factory = new ConnectionFactory { Uri = broker.Url };
        await using var connection = await factory.CreateConnectionAsync();
        Assert.True(await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Consumers > 0), TimeSpan.FromSeconds(120)), $"{name}: the services did not start consuming.\n{Logs()}");

        var staging = Path.Combine(root, "staging");
        Directory.CreateDirectory(staging);
        var seeds = SeedGold.SeedFiles.Select(File.ReadAllText).ToArray();
        var names = new List<string>();
        for (var i = 0; i < Documents; i++)
        {
            var file = $"doc-{i:D4}.txt";
            await File.WriteAllTextAsync(Path.Combine(staging, file), Distinct(seeds[i % seeds.Length], i));
            names.Add(file);
        }

        var clock = Stopwatch.StartNew();
        foreach (var file in names)
        {
            File.Move(Path.Combine(staging, file), Path.Combine(inbox, file));
        }

        var done = Path.Combine(inbox, "done");
        if (victim is not null)
        {
            Assert.True(await Eventually(() => Task.FromResult(Count(done) >= Documents / 3), TimeSpan.FromSeconds(180)), $"{name}: no progress before the fault.\n{Logs()}");
            var index = services.FindLastIndex(s => Path.GetFileName(s.LogPath).StartsWith(victim + ".", StringComparison.Ordinal));
            services[index].KillHard();
            await Task.Delay(TimeSpan.FromSeconds(3));
            Start(victim, environment, root, 1);
        }

        var finished = await Eventually(() => Task.FromResult(Count(done) + Count(Path.Combine(inbox, "failed")) >= Documents), TimeSpan.FromSeconds(300));
        clock.Stop();
        Assert.True(finished, $"{name}: done/ has {Count(done)} of {Documents}.\n{Logs()}");
        Assert.True(await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Messages == 0), TimeSpan.FromSeconds(30)), $"{name}: queues did not drain.");

        Assert.Equal(names, Directory.GetFiles(done).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList());
        Assert.Empty(Directory.GetFiles(Path.Combine(inbox, "failed")));
        Assert.Empty(Directory.GetFiles(Path.Combine(inbox, "processing")));
        Assert.Empty(Directory.GetFiles(inbox));
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "pipeline.db") }))
        {
            Assert.Equal(Documents, await store.CountAsync(new DocumentQuery(), default));
            Assert.Equal(0, (await store.GetStatisticsAsync(default)).Duplicates);
            foreach (var file in names)
            {
                Assert.NotNull(await store.GetAsync(DocumentIdentity.ForSourceUri(DocumentIdentity.InboxUri(file)), default));
            }
        }

        foreach (var queue in Queues)
        {
            Assert.Equal(0u, await BrokerQueues.MessagesInAsync(connection, queue + "_error"));
            Assert.Equal(0u, await BrokerQueues.MessagesInAsync(connection, queue + "_skipped"));
        }

        Assert.All(services, s => Assert.False(s.HasExited && !s.WasKilled, $"{name}: a service exited by itself.\n{Logs()}"));
        foreach (var service in services)
        {
            service.Dispose();
        }

        services.Clear();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return clock.Elapsed;
    }

    private Dictionary<string, string> Environment(string inbox, string data)
    {
        var vhost = broker.Url.AbsolutePath.Trim('/');
        return new Dictionary<string, string>
        {
            ["Pipeline__Transport"] = "RabbitMq",
            ["Pipeline__RabbitMq__Host"] = broker.Url.Host,
            ["Pipeline__RabbitMq__Port"] = broker.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pipeline__RabbitMq__VirtualHost"] = vhost.Length == 0 ? "/" : Uri.UnescapeDataString(vhost),
            ["Pipeline__DataDirectory"] = data,
            ["Inbox__Path"] = inbox,
            ["Inbox__RescanSeconds"] = "1",
            ["Inbox__StableMilliseconds"] = "300",
        };
    }

    private void Start(string project, Dictionary<string, string> environment, string root, int generation) =>
        services.Add(new ServiceProcess(project, environment, Path.Combine(root, $"{project}.{generation}.log")));

    /// <summary>A seed with a sentence of its own, so no two documents clean to the same text.</summary>
    private static string Distinct(string seed, int i)
    {
        var cut = seed.IndexOf("\n\n", StringComparison.Ordinal);
        var sentence = $"\n\nIn follow-up number {i}, the clinic recorded {i * 7 + 3} patients and {i % 13} withdrawals from the ketamine arm.\n\n";
        return cut < 0 ? seed + sentence : seed[..cut] + sentence + seed[(cut + 2)..];
    }

    public void Dispose()
    {
        foreach (var service in services)
        {
            service.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    private static int Count(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Count(f => !f.EndsWith(".error.json", StringComparison.Ordinal)) : 0;

    private static async Task<bool> Eventually(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(250);
        }

        return true;
    }

    private string Logs() =>
        string.Join("\n", services.Select(s => $"--- {Path.GetFileName(s.LogPath)}\n" + string.Join('\n', File.ReadLines(s.LogPath).TakeLast(15))));
}
