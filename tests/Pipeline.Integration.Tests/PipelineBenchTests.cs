using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Integration.Tests;

/// <summary>A small <c>pipeline bench pipeline</c> in both deployments: every document accounted for, every figure measured (no timing asserted). In the broker tests' collection: both use the same queue names, so never at once on one RABBITMQ_URL.</summary>
[Collection("Services on RabbitMQ")]
public sealed class PipelineBenchTests(RabbitMqFixture broker) : IClassFixture<RabbitMqFixture>, IDisposable
{
    private const int Documents = 14;
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;

    [Fact]
    public async Task Bench_runs_a_real_corpus_through_both_deployments_flat_out_and_at_an_offered_rate()
    {
        var report = Path.Combine(work, "report.json");
        var corpus = Path.Combine(work, "corpus");
        var (exit, output) = await Repository.RunAsync("dotnet",
        [
            Repository.CliDll, "bench", "pipeline", "--documents", Documents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--corpus", corpus, "--work", Path.Combine(work, "runs"),
            "--dataset", Path.Combine(Repository.Root, "..", "shared", "datasets", "wcxb-dev"), "--seeds", Repository.Seeds,
            "--rabbitmq", broker.Url.ToString(), "--rate", "7", "--report", report,
        ], TimeSpan.FromMinutes(8));

        Assert.True(exit == 0, output);
        var files = Directory.GetFiles(corpus);
        Assert.Equal(Documents, files.Length);
        Assert.Contains(files, f => f.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(files.Length, files.Select(File.ReadAllText).Distinct(StringComparer.Ordinal).Count());

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var runs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["all-in-one", "all-in-one", "services", "services"], runs.Select(r => r.GetProperty("mode").GetString()));
        Assert.Equal([false, true, false, true], runs.Select(r => r.GetProperty("offeredRate").ValueKind == JsonValueKind.Number));
        foreach (var run in runs)
        {
            var rejected = run.GetProperty("rejected").EnumerateObject().Sum(r => r.Value.GetInt32());
            Assert.Equal(0, run.GetProperty("missing").GetInt32());
            Assert.Equal(Documents, run.GetProperty("stored").GetInt32() + run.GetProperty("duplicates").GetInt32() + rejected);
            Assert.True(run.GetProperty("stored").GetInt32() >= Documents - 2, output);
            Assert.True(run.GetProperty("documentsPerSecond").GetDouble() > 0);
            var latency = run.GetProperty("latency");
            Assert.InRange(latency.GetProperty("p50").GetDouble(), 1, latency.GetProperty("p99").GetDouble());
            var processes = run.GetProperty("processes").EnumerateArray().ToList();
            var expected = run.GetProperty("mode").GetString() == "services" ? new[] { "store", "tagger", "cleaner", "inbox" } : ["all-in-one"];
            Assert.Equal(expected, processes.Select(p => p.GetProperty("name").GetString()));
            Assert.All(processes, p => Assert.True(p.GetProperty("cpuSeconds").GetDouble() > 0 && p.GetProperty("peakMegabytes").GetDouble() > 10, output));
        }

        Assert.Contains("drop-to-stored latency: p50", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
