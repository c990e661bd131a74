using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;

namespace Pipeline.Cleaning.Benchmarks;

/// <summary>
/// Per-page cost over a spread-out tenth of WCXB (150 pages, ~0.3 MB average): the full cleaner against AngleSharp's
/// parse alone, which is what a DOM-library-based extractor would pay before doing any extraction.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class HtmlCleaningBenchmarks
{
    private readonly DocumentCleaner cleaner = new();
    private readonly HtmlParser angleSharp = new();
    private List<byte[]> pages = [];
    private List<string> texts = [];

    [GlobalSetup]
    public void Setup()
    {
        pages = BenchmarkData.WcxbPages(stride: 10);
        texts = pages.Select(p => System.Text.Encoding.UTF8.GetString(p)).ToList();
    }

    /// <summary>Decode, parse, extract and read metadata for each page.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 150)]
    public int Clean()
    {
        var chars = 0;
        foreach (var page in pages)
        {
            try
            {
                chars += cleaner.Clean(new CleaningInput(page, "page.html", "text/html")).Text.Length;
            }
            catch (CleaningRejectedException)
            {
                chars++;
            }
        }

        return chars;
    }

    /// <summary>AngleSharp building its DOM from already-decoded text, without any extraction.</summary>
    [Benchmark(OperationsPerInvoke = 150)]
    public int AngleSharpParseOnly()
    {
        var nodes = 0;
        foreach (var text in texts)
        {
            using var doc = angleSharp.ParseDocument(text);
            nodes += doc.All.Length;
        }

        return nodes;
    }
}
