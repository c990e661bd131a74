using System.Diagnostics;
using System.Globalization;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;
using Pipeline.Tests.Shared;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Crash each worker (SIGKILL) once mid-load and start it again, and stop the broker for 15 s mid-load (the services
/// must reconnect by themselves, no restart); every case must end like the fault-free run: every file in done/,
/// nothing stuck, each document stored once, nothing dead-lettered, within a bound of the clean run.
/// <c>infra/chaos.sh</c> runs the same cases at a larger size through <see cref="FaultRunSettings"/>.
/// </summary>
public sealed class FaultSuiteTests(RabbitMqFixture broker, ITestOutputHelper output) : IClassFixture<RabbitMqFixture>, IDisposable
{
    private static readonly string[] Queues = BrokerQueues.Names;
    private static readonly string[] Workers = ["Pipeline.Store", "Pipeline.Cleaner", "Pipeline.Tagger", "Pipeline.Inbox"];
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    private readonly FaultRunSettings settings = FaultRunSettings.FromEnvironment();
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-faults-").FullName;
    private readonly List<ServiceProcess> services = [];

    [Fact]
    public async Task Each_worker_killed_mid_load_and_the_broker_stopped_lose_nothing_and_store_nothing_twice()
    {
        var documents = settings.Documents;
        var baseline = await RunAsync(FaultCase.None, documents);
        var rows = new List<string> { "| case | lost | stored twice | stuck | dead-lettered | time | vs fault-free |", "|---|---|---|---|---|---|---|", baseline.Row("none", baseline.Elapsed) };
        var failures = new List<string>(baseline.Problems("none"));
        foreach (var fault in settings.Cases)
        {
            var outcome = await RunAsync(fault, documents);
            rows.Add(outcome.Row(fault.Name, baseline.Elapsed));
            failures.AddRange(outcome.Problems(fault.Name));

            // A restart costs a process start (several seconds on a busy machine) on top of the redelivered work; an
            // outage costs its length and the reconnect (MassTransit first waits for its consumers to stop, up to 20 s).
            var bound = baseline.Elapsed * 2 + TimeSpan.FromSeconds(30) + ((Outage + TimeSpan.FromSeconds(30)) * fault.BrokerStops);
            if (outcome.Elapsed > bound)
            {
                failures.Add($"{fault.Name}: {outcome.Elapsed.TotalSeconds:F1} s against {baseline.Elapsed.TotalSeconds:F1} s without a fault (bound {bound.TotalSeconds:F0} s).");
            }
        }

        var table = $"{documents} documents, load {Load()}\n" + string.Join('\n', rows);
        output.WriteLine(table);
        if (settings.TablePath is { } path)
        {
            await File.WriteAllTextAsync(path, table + "\n" + string.Join('\n', failures) + "\n");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<FaultOutcome> RunAsync(FaultCase fault, int documents)
    {
        var root = Path.Combine(work, fault.Name.Replace(' ', '-'));
        var inbox = Path.Combine(root, "inbox");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(inbox);
        var environment = Environment(inbox, data);
        foreach (var project in Workers)
        {
            Start(project, environment, root, 0);
        }

        var factory = new ConnectionFactory { Uri = broker.Url };
        var connection = await factory.CreateConnectionAsync();
        Assert.True(await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Consumers > 0), TimeSpan.FromSeconds(120)), $"{fault.Name}: the services did not start consuming.\n{Logs()}");

        var staging = Path.Combine(root, "staging");
        Directory.CreateDirectory(staging);
        var seeds = SeedGold.SeedFiles.Select(File.ReadAllText).ToArray();
        var names = new List<string>();
        for (var i = 0; i < documents; i++)
        {
            var file = $"doc-{i:D5}.txt";
            await File.WriteAllTextAsync(Path.Combine(staging, file), Distinct(seeds[i % seeds.Length], i));
            names.Add(file);
        }

        var clock = Stopwatch.StartNew();
        foreach (var file in names)
        {
            File.Move(Path.Combine(staging, file), Path.Combine(inbox, file));
        }

        var done = Path.Combine(inbox, "done");
        var failed = Path.Combine(inbox, "failed");
        var progressLimit = TimeSpan.FromSeconds(180 + documents * 0.1);
        if (fault.Victim is { } victim)
        {
            Assert.True(await Eventually(() => Task.FromResult(Count(done) >= documents / 3), progressLimit), $"{fault.Name}: no progress before the fault.\n{Logs()}");
            KillAndRestart(victim, environment, root);
        }

        for (var stop = 1; stop <= fault.BrokerStops; stop++)
        {
            // Spread the stops over the load (a later stop may find everything done: the reconnect is tested all the same).
            var target = documents * stop / (fault.BrokerStops + 2);
            await Eventually(() => Task.FromResult(Count(done) >= target), progressLimit);
            await connection.DisposeAsync();
            connection = await StopBrokerAsync(factory);
        }

        var finished = await Eventually(() => Task.FromResult(Count(done) + Count(failed) >= documents), TimeSpan.FromSeconds(300 + documents * 0.3));
        clock.Stop();
        if (!finished)
        {
            output.WriteLine($"{fault.Name}: done/ has {Count(done)} of {documents}.\n{Logs()}");
        }

        await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Messages == 0), TimeSpan.FromSeconds(30));
        var outcome = await MeasureAsync(connection, names, inbox, data, clock.Elapsed);
        await connection.DisposeAsync();
        outcome = outcome with { ExitedByItself = services.Where(s => s.HasExited && !s.WasKilled).Select(s => Path.GetFileName(s.LogPath)).ToList() };
        if (outcome.Problems(fault.Name).Any())
        {
            output.WriteLine(Logs());
        }

        foreach (var service in services)
        {
            service.Dispose();
        }

        services.Clear();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return outcome;
    }

    /// <summary>What a run left behind: documents not stored, stored twice, files stuck, messages dead-lettered.</summary>
    private static async Task<FaultOutcome> MeasureAsync(IConnection connection, List<string> names, string inbox, string data, TimeSpan elapsed)
    {
        var inDone = Directory.Exists(Path.Combine(inbox, "done")) ? Directory.GetFiles(Path.Combine(inbox, "done")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal) : [];
        var failed = Directory.Exists(Path.Combine(inbox, "failed")) ? Directory.GetFiles(Path.Combine(inbox, "failed")).Select(f => Path.GetFileName(f)!).ToList() : [];
        var stuck = Directory.GetFiles(inbox).Length + (Directory.Exists(Path.Combine(inbox, "processing")) ? Directory.GetFiles(Path.Combine(inbox, "processing")).Length : 0);
        foreach (var (messages, _) in await BrokerQueues.CountsAsync(connection))
        {
            stuck += (int)messages;
        }

        var deadLettered = 0u;
        foreach (var queue in Queues)
        {
            deadLettered += await BrokerQueues.MessagesInAsync(connection, queue + "_error") + await BrokerQueues.MessagesInAsync(connection, queue + "_skipped");
        }

        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "pipeline.db") });
        var lost = 0;
        foreach (var file in names)
        {
            if (!inDone.Contains(file) || await store.GetAsync(DocumentIdentity.ForSourceUri(DocumentIdentity.InboxUri(file)), default) is null)
            {
                lost++;
            }
        }

        var count = await store.CountAsync(new DocumentQuery(), default);
        var twice = Math.Max(0, count - (names.Count - lost)) + (await store.GetStatisticsAsync(default)).Duplicates;
        return new FaultOutcome(elapsed, lost, (int)twice, stuck, (int)deadLettered, failed.Where(f => !f.EndsWith(".error.json", StringComparison.Ordinal)).ToList(), []);
    }

    private void KillAndRestart(string victim, Dictionary<string, string> environment, string root)
    {
        var index = services.FindLastIndex(s => Path.GetFileName(s.LogPath).StartsWith(victim + ".", StringComparison.Ordinal));
        services[index].KillHard();
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Start(victim, environment, root, 1);
    }

    /// <summary>
    /// Stops the broker application for <see cref="Outage"/> and starts it again on the same port; every service must
    /// report the outage while it lasts (its bus health, in the log) and consume again afterwards by itself, which the
    /// queues' consumer counts show. Returns a new connection for the counts.
    /// </summary>
    private async Task<IConnection> StopBrokerAsync(ConnectionFactory factory)
    {
        var marks = services.ToDictionary(s => s, s => File.ReadLines(s.LogPath).Count());
        await broker.StopAppAsync();
        await Task.Delay(Outage);
        var silent = services.Where(s => !File.ReadLines(s.LogPath).Skip(marks[s]).Any(l => l.Contains("The bus is Unhealthy", StringComparison.Ordinal) || l.Contains("The bus is Degraded", StringComparison.Ordinal)))
            .Select(s => Path.GetFileName(s.LogPath)).ToList();
        await broker.StartAppAsync();
        Assert.True(silent.Count == 0, $"No outage reported by {string.Join(", ", silent)} while the broker was stopped.\n{Logs()}");

        var connection = await factory.CreateConnectionAsync();
        var back = await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Consumers > 0), TimeSpan.FromSeconds(60));
        var counts = await BrokerQueues.CountsAsync(connection);
        Assert.True(back, $"The consumers did not come back after the broker restarted: {string.Join(", ", counts.Select((q, i) => $"{Queues[i]} {q.Consumers}"))}\n{Logs()}");
        return connection;
    }

    private Dictionary<string, string> Environment(string inbox, string data)
    {
        var vhost = broker.Url.AbsolutePath.Trim('/');
        return new Dictionary<string, string>
        {
            ["Pipeline__Transport"] = "RabbitMq",
            ["Pipeline__RabbitMq__Host"] = broker.Url.Host,
            ["Pipeline__RabbitMq__Port"] = broker.Url.Port.ToString(CultureInfo.InvariantCulture),
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
        if (settings.TablePath is null)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

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
