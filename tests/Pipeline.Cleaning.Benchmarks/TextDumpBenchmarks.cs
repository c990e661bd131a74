using BenchmarkDotNet.Attributes;

namespace Pipeline.Cleaning.Benchmarks;

/// <summary>
/// Per-dump cost over every 5th WCXB page rendered by <c>lynx -dump -nolist</c> (300 dumps, about 6 MB): the rules alone
/// against the rules with the learned line model (issue 11: the model must not cost more than the rules it replaces).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TextDumpBenchmarks
{
    private const int Dumps = 300;

    private readonly DocumentCleaner rules = new(new CleaningOptions { TextLineModel = false });
    private readonly DocumentCleaner model = new();
    private List<byte[]> dumps = [];

    [GlobalSetup]
    public void Setup()
    {
        dumps = BenchmarkData.TextDumps("lynx", stride: 5);
        if (dumps.Count != Dumps)
        {
            throw new InvalidOperationException($"Expected {Dumps} dumps, found {dumps.Count}: the WCXB dev set changed.");
        }

        Console.WriteLine($"// {dumps.Count} lynx dumps, {dumps.Sum(d => (long)d.Length) / 1e6:F2} MB");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Dumps)]
    public int RulesOnly() => CleanAll(rules);

    [Benchmark(OperationsPerInvoke = Dumps)]
    public int WithLineModel() => CleanAll(model);

    private int CleanAll(DocumentCleaner cleaner)
    {
        var chars = 0;
        foreach (var dump in dumps)
        {
            try
            {
                chars += cleaner.Clean(new CleaningInput(dump, "dump.txt", "text/plain; charset=utf-8")).Text.Length;
            }
            catch (CleaningRejectedException)
            {
                chars++;
            }
        }

        return chars;
    }
}
