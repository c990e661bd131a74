using BenchmarkDotNet.Attributes;

namespace Pipeline.Cleaning.Benchmarks;

/// <summary>Plain-text cleaning throughput on a 4 MB dump built from the seed documents.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PlainTextBenchmarks
{
    private readonly DocumentCleaner cleaner = new(new CleaningOptions { MaxInputBytes = 32 * 1024 * 1024 });
    private byte[] text = [];

    [GlobalSetup]
    public void Setup() => text = BenchmarkData.PlainText(4 * 1024 * 1024);

    [Benchmark]
    public int CleanFourMegabytes() => cleaner.Clean(new CleaningInput(text, "dump.txt")).Text.Length;
}
