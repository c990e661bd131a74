using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Cli;

/// <summary><c>pipeline bench store</c>: upsert throughput, search latency and size of the embedded store on synthetic articles.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var documents = new Option<int>("--documents") { Description = "How many documents to write.", DefaultValueFactory = _ => 100_000 };
        var batch = new Option<int>("--batch") { Description = "Documents per upsert batch.", DefaultValueFactory = _ => 500 };
        var queries = new Option<int>("--queries") { Description = "Searches to time.", DefaultValueFactory = _ => 300 };
        var data = new Option<string>("--data") { Description = "Where to create the benchmark store (must not exist yet).", Required = true };
        var searchOnly = new Option<bool>("--search-only") { Description = "Time searches on a store an earlier run wrote (same --documents)." };
        var store = new Command("store", "Write synthetic articles to a fresh SQLite store, then time searches.") { documents, batch, queries, data, searchOnly };
        store.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(data)!, parse.GetValue(documents), parse.GetValue(batch), parse.GetValue(queries), parse.GetValue(searchOnly), cancellationToken));
        var command = new Command("bench", "Measure performance.");
        command.Subcommands.Add(store);
        command.Subcommands.Add(Bench.PipelineBenchCommand.Create());
        command.Subcommands.Add(Bench.MessageSizesBench.Create());
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, int count, int batchSize, int queryCount, bool searchOnly, CancellationToken cancellationToken)
    {
        if (count < 1 || batchSize < 1 || queryCount < 1)
        {
            await Console.Error.WriteLineAsync("--documents, --batch and --queries must be positive.");
            return 2;
        }

        var path = Path.Combine(Path.GetFullPath(dataDirectory), "pipeline.db");
        if (File.Exists(path) != searchOnly)
        {
            if (searchOnly)
            {
                await Console.Error.WriteLineAsync($"{path} does not exist; run without --search-only first.");
                return 2;
            }

            await Console.Error.WriteLineAsync($"{path} exists; the benchmark needs a fresh folder.");
            return 2;
        }

        using var target = new SqliteDocumentStore(new SqliteStoreOptions { Path = path });
        await target.InitializeAsync(cancellationToken);
        var corpus = new SyntheticCorpus(seed: 42);
        var generated = Stopwatch.StartNew();
        var writing = new Stopwatch();
        if (searchOnly)
        {
            for (var i = 0; i < count; i++)
            {
                corpus.Next(i);
            }

            count = 0;
        }

        var writingCpu = TimeSpan.Zero;
        var process = Process.GetCurrentProcess();
        var batch = new List<StoredDocument>(batchSize);
        for (var i = 0; i < count; i++)
        {
            batch.Add(corpus.Next(i));
            if (batch.Count == batchSize || i == count - 1)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                writing.Start();
                await target.UpsertManyAsync(batch, cancellationToken);
                writing.Stop();
                process.Refresh();
                writingCpu += process.TotalProcessorTime - cpuBefore;
                batch.Clear();
            }
        }

        generated.Stop();
        SqliteConnection.ClearAllPools();
        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

        var latencies = new List<double>(queryCount);
        var hits = 0L;
        for (var q = 0; q < queryCount; q++)
        {
            var query = new DocumentQuery
            {
                Text = $"{corpus.QueryWord()} {corpus.QueryWord()}",
                Entities = [EntityKey.Create(q % 2 == 0 ? "Chemical" : "Disease", SyntheticCorpus.EntityValue(q % 2 == 0 ? "Chemical" : "Disease", q % 40))],
                Limit = 20,
            };
            var clock = Stopwatch.StartNew();
            var page = await target.SearchAsync(query, cancellationToken);
            clock.Stop();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            hits += page.Hits.Count;
        }

        latencies.Sort();
        if (searchOnly)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search (2 words + 1 entity, {queryCount} queries): p50 {Percentile(latencies, 0.5):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, max {latencies[^1]:F1} ms, {hits / (double)queryCount:F1} hits/query"));
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents          {count:N0} (batches of {batchSize})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upsert             {count / writing.Elapsed.TotalSeconds:N0} docs/s wall ({writing.Elapsed.TotalSeconds:F1} s), {count / writingCpu.TotalSeconds:N0} docs/s of CPU time ({writingCpu.TotalSeconds:F1} s; the machine's load shows in the difference)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size               {bytes / 1048576.0:F1} MiB, {bytes / 1048576.0 / count * 1000:F2} MiB per 1,000 documents"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search (2 words + 1 entity, {queryCount} queries): p50 {Percentile(latencies, 0.5):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, max {latencies[^1]:F1} ms, {hits / (double)queryCount:F1} hits/query"));
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
