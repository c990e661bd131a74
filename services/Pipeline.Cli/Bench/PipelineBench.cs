using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pipeline.Cli.Bench;

/// <summary>
/// Runs a corpus through one deployment of the pipeline started as child processes (all-in-one: <c>pipeline run</c>;
/// services: Inbox, Cleaner, Tagger and Store on RabbitMQ), dropping the files into its inbox flat out or at an
/// offered rate, and reads what happened from the store and the inbox's failed/ folder.
/// </summary>
internal sealed class PipelineBench(string work, string? rabbitMqUrl, TimeSpan timeout, TextWriter output)
{
    public const string AllInOne = "all-in-one";
    public const string Services = "services";
    private const string WarmUp = "warm-up.txt";

    public async Task<BenchResult> RunAsync(string mode, double? rate, IReadOnlyList<string> corpus, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(work, rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{mode}-rate{r:0}") : $"{mode}-flat");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var inbox = Directory.CreateDirectory(Path.Combine(dir, "inbox")).FullName;
        var data = Path.Combine(dir, "data");

        // Files are copied beside the inbox first and renamed into it, as a finished download would be.
        var staging = Directory.CreateDirectory(Path.Combine(dir, "staging")).FullName;
        var names = new List<string>(corpus.Count);
        foreach (var file in corpus)
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(staging, name));
            names.Add(name);
        }

        await File.WriteAllTextAsync(Path.Combine(staging, WarmUp), WarmUpText(corpus), cancellationToken);
        var processes = await StartAsync(mode, inbox, data, dir, cancellationToken);
        try
        {
            await WarmUpAsync(inbox, staging, processes, cancellationToken);
            var cpuBefore = processes.Select(p => p.Cpu).ToList();
            var drops = await DropAsync(names, staging, inbox, rate, cancellationToken);
            await WaitForAllAsync(inbox, data, names.Count, processes, cancellationToken);
            var cpu = processes.Select((p, i) => (p.Cpu - cpuBefore[i]).TotalSeconds).ToList();
            var result = Collect(mode, rate, inbox, data, drops);
            return result with
            {
                Processes = processes.Select((p, i) => new BenchProcessFigures(p.Name, cpu[i], names.Count / Math.Max(cpu[i], 0.001), p.PeakBytes / 1048576.0)).ToList(),
            };
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }

            // The logs stay; the copies of the corpus go.
            foreach (var folder in new[] { staging, inbox })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<List<BenchProcess>> StartAsync(string mode, string inbox, string data, string dir, CancellationToken cancellationToken)
    {
        if (mode == AllInOne)
        {
            string[] arguments = ["run", "--inbox", inbox, "--data", data, "--port", FreePort().ToString(CultureInfo.InvariantCulture)];
            return [BenchProcess.Start(AllInOne, "pipeline.dll", arguments, new Dictionary<string, string>(), Path.Combine(dir, "all-in-one.log"))];
        }

        var environment = new Dictionary<string, string>
        {
            ["Pipeline__Transport"] = "RabbitMq",
            ["Pipeline__RabbitMq__Url"] = rabbitMqUrl ?? throw new InvalidOperationException("The services mode needs --rabbitmq."),
            ["Pipeline__DataDirectory"] = data,
            ["Inbox__Path"] = inbox,
        };
        // The inbox starts last, once the other buses have declared their queues, so its first message has somewhere to go.
        var processes = new List<BenchProcess>();
        try
        {
            foreach (var stage in new[] { "Store", "Tagger", "Cleaner", "Inbox" })
            {
                if (stage == "Inbox")
                {
                    await Task.WhenAll(processes.Select(p => p.Ready)).WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
                }

                var name = stage.ToLowerInvariant();
                processes.Add(BenchProcess.Start(name, $"Pipeline.{stage}.dll", [], environment, Path.Combine(dir, name + ".log"), "Bus started"));
            }
        }
        catch
        {
            processes.ForEach(p => p.Dispose());
            throw;
        }

        return processes;
    }

    /// <summary>One document through every stage before the clock starts: the processes are up, connected and past their first JIT.</summary>
    private async Task WarmUpAsync(string inbox, string staging, List<BenchProcess> processes, CancellationToken cancellationToken)
    {
        File.Move(Path.Combine(staging, WarmUp), Path.Combine(inbox, WarmUp));
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(inbox, "done", WarmUp)))
        {
            if (File.Exists(Path.Combine(inbox, "failed", WarmUp + ".error.json")))
            {
                throw new InvalidOperationException($"The warm-up document failed: {await File.ReadAllTextAsync(Path.Combine(inbox, "failed", WarmUp + ".error.json"), cancellationToken)}");
            }

            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Name} exited during start; see its log in {work}.");
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The warm-up document was not stored within 3 minutes; see the logs in {work}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> DropAsync(
        List<string> names, string staging, string inbox, double? rate, CancellationToken cancellationToken)
    {
        var drops = new Dictionary<string, DateTimeOffset>(names.Count, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < names.Count; i++)
        {
            if (rate is { } perSecond)
            {
                var due = TimeSpan.FromSeconds(i / perSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, cancellationToken);
                }
            }

            File.Move(Path.Combine(staging, names[i]), Path.Combine(inbox, names[i]));
            drops[names[i]] = DateTimeOffset.UtcNow;
        }

        return drops;
    }

    private async Task WaitForAllAsync(string inbox, string data, int count, List<BenchProcess> processes, CancellationToken cancellationToken)
    {
        var connectionString = ReadOnly(data);
        var processing = Path.Combine(inbox, "processing");
        var deadline = Stopwatch.StartNew();
        var reported = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Name} exited during the run; see its log in {work}.");
            }

            long finished;
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM duplicates)";
                finished = (long)(await command.ExecuteScalarAsync(cancellationToken))! - 1;
            }

            finished += Directory.EnumerateFiles(Path.Combine(inbox, "failed"), "*.error.json").Count();

            // Done once every file has an outcome and the inbox has moved them all out of processing/.
            if (finished >= count && !Directory.EnumerateFileSystemEntries(processing).Any())
            {
                return;
            }

            if (reported.Elapsed > TimeSpan.FromSeconds(15))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... {finished:N0} of {count:N0} after {deadline.Elapsed.TotalSeconds:F0} s"));
                reported.Restart();
            }

            await Task.Delay(250, cancellationToken);
        }

        await output.WriteLineAsync($"  timed out after {timeout.TotalSeconds:F0} s; the figures below cover what finished.");
    }

    private static BenchResult Collect(string mode, double? rate, string inbox, string data, Dictionary<string, DateTimeOffset> drops)
    {
        var first = drops.Values.Min();
        var last = first;
        var latencies = new List<double>(drops.Count);
        var webPages = new List<double>();
        int stored = 0, duplicates = 0;
        using (var connection = new SqliteConnection(ReadOnly(data)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT source_name, stored_at, 0 FROM documents UNION ALL SELECT source_name, recorded_at, 1 FROM duplicates";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!drops.TryGetValue(reader.GetString(0), out var dropped))
                {
                    continue;
                }

                var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
                last = at > last ? at : last;
                latencies.Add((at - dropped).TotalMilliseconds);
                if (reader.GetString(0).EndsWith(".html", StringComparison.Ordinal))
                {
                    webPages.Add((at - dropped).TotalMilliseconds);
                }

                _ = reader.GetInt32(2) == 0 ? stored++ : duplicates++;
            }
        }

        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(inbox, "failed"), "*.error.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var reason = json.RootElement.GetProperty("reason").GetString() ?? "unknown";
            rejected[reason] = rejected.GetValueOrDefault(reason) + 1;
            var at = json.RootElement.GetProperty("at").GetDateTimeOffset();
            last = at > last ? at : last;
        }

        var seconds = Math.Max((last - first).TotalSeconds, 0.001);
        var missing = drops.Count - stored - duplicates - rejected.Values.Sum();
        return new BenchResult(mode, rate, drops.Count, stored, duplicates, rejected, missing, seconds, drops.Count / seconds, BenchLatency.Of(latencies), BenchLatency.Of(webPages), []);
    }

    private static string WarmUpText(IReadOnlyList<string> corpus)
    {
        // A seed variant with its paragraphs in reverse order: a real article, but text no corpus file holds.
        var source = corpus.FirstOrDefault(f => f.EndsWith(".txt", StringComparison.Ordinal)) ?? corpus[0];
        var paragraphs = File.ReadAllText(source).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return "Warm-up\n\n" + string.Join("\n\n", paragraphs.Reverse());
    }

    private static string ReadOnly(string data) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "pipeline.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
