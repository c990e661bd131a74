using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Cli.Bench;

/// <summary><c>pipeline bench pipeline</c>: documents per second, CPU per stage, peak memory and drop-to-stored latency, end to end.</summary>
internal static class PipelineBenchCommand
{
    public static Command Create()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "pipeline-bench");
        var documents = new Option<int>("--documents") { Description = "How many documents to run through.", DefaultValueFactory = _ => 10_000 };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder: taken when it holds enough files, built there otherwise (default: a folder per size under the temp folder)." };
        var work = new Option<string>("--work") { Description = "Where each run's inbox, store and logs go.", DefaultValueFactory = _ => Path.Combine(scratch, "runs") };
        var dataset = new Option<string>("--dataset") { Description = "The WCXB pages the corpus takes its web pages from.", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "wcxb-dev") };
        var seeds = new Option<string>("--seeds") { Description = "The seed articles the corpus makes its text variants from.", DefaultValueFactory = _ => Path.Combine("..", "shared", "seeds") };
        var rabbitMq = new Option<string?>("--rabbitmq") { Description = "amqp://user:pass@host:port/vhost: also run the services, each its own process, on this broker." };
        var modes = new Option<string[]>("--modes") { Description = "all-in-one and/or services (default: all-in-one, plus services with --rabbitmq).", AllowMultipleArgumentsPerToken = true };
        var rate = new Option<string?>("--rate") { Description = "Also run at this offered rate in documents per second, or 'half' for half of the flat-out rate just measured." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for one run to finish.", DefaultValueFactory = _ => 1800 };
        var report = new Option<string?>("--report") { Description = "Also write the figures as JSON to this file." };
        var command = new Command("pipeline", "Run a corpus of real documents through the all-in-one host and the services, flat out and at an offered rate.")
        {
            documents, corpus, work, dataset, seeds, rabbitMq, modes, rate, timeout, report,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(documents);
            var url = parse.GetValue(rabbitMq);
            var chosen = parse.GetValue(modes) is { Length: > 0 } given ? given : url is null ? [PipelineBench.AllInOne] : [PipelineBench.AllInOne, PipelineBench.Services];
            var offered = parse.GetValue(rate);
            double? fixedRate = null;
            if (offered is not null && offered != "half")
            {
                if (!double.TryParse(offered, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
                {
                    await Console.Error.WriteLineAsync("--rate takes a positive number of documents per second, or 'half'.");
                    return 2;
                }

                fixedRate = value;
            }

            if (count < 1 || chosen.Any(m => m is not PipelineBench.AllInOne and not PipelineBench.Services) || (chosen.Contains(PipelineBench.Services) && url is null))
            {
                await Console.Error.WriteLineAsync("--documents must be positive, --modes takes all-in-one and services, and services need --rabbitmq.");
                return 2;
            }

            var corpusFolder = Path.GetFullPath(parse.GetValue(corpus) ?? Path.Combine(scratch, $"corpus-{count}"));
            IReadOnlyList<string> files;
            try
            {
                files = BenchCorpus.Prepare(corpusFolder, count, parse.GetValue(dataset)!, parse.GetValue(seeds)!);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var bytes = files.Select(f => new FileInfo(f).Length).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus {corpusFolder}: {files.Count:N0} files, {bytes.Sum() / 1048576.0:F0} MiB, {files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)):N0} web pages, {bytes.Count(b => b > 100 * 1024):N0} over 100 kB"));
            Console.WriteLine($"load average at start: {LoadAverage()}");
            var bench = new PipelineBench(Path.GetFullPath(parse.GetValue(work)!), url, TimeSpan.FromSeconds(parse.GetValue(timeout)), Console.Out);
            var results = new List<BenchResult>();
            foreach (var mode in chosen)
            {
                var flat = await bench.RunAsync(mode, null, files, cancellationToken);
                Print(flat);
                results.Add(flat);
                if (offered is not null)
                {
                    var atRate = await bench.RunAsync(mode, fixedRate ?? Math.Max(1, Math.Round(flat.DocumentsPerSecond / 2)), files, cancellationToken);
                    Print(atRate);
                    results.Add(atRate);
                }
            }

            Console.WriteLine($"load average at end: {LoadAverage()}");
            if (parse.GetValue(report) is { } reportPath)
            {
                await File.WriteAllTextAsync(reportPath, JsonSerializer.Serialize(results, CliJson.Options), cancellationToken);
            }

            return results.All(r => r.Missing == 0) ? 0 : 1;
        });
        return command;
    }

    private static void Print(BenchResult result)
    {
        var rejected = result.Rejected.Count == 0 ? "0 rejected" : $"{result.Rejected.Values.Sum():N0} rejected: " + string.Join(", ", result.Rejected.Select(r => $"{r.Key} {r.Value:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Label}: {result.Documents:N0} documents in {result.Seconds:F1} s = {result.DocumentsPerSecond:F1} docs/s ({result.Stored:N0} stored, {result.Duplicates:N0} duplicate, {rejected}; {result.Missing:N0} missing)"));
        if (result.Latency is { } l)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  drop-to-stored latency: p50 {l.P50:N0} ms, p90 {l.P90:N0} ms, p99 {l.P99:N0} ms, max {l.Max:N0} ms"));
        }

        if (result.WebPageLatency is { } w)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    of which web pages: p50 {w.P50:N0} ms, p90 {w.P90:N0} ms, p99 {w.P99:N0} ms"));
        }

        Console.WriteLine("  process        CPU s   docs/CPU-s   peak MB");
        foreach (var p in result.Processes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Name,-12} {p.CpuSeconds,7:F1} {p.DocumentsPerCpuSecond,12:F1} {p.PeakMegabytes,9:F0}"));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
