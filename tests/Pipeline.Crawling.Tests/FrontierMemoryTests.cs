using Pipeline.Crawler;
using Pipeline.Storage;
using Xunit.Abstractions;

namespace Pipeline.Crawling.Tests;

public sealed class FrontierMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_frontier_of_100000_urls_fits_in_a_few_tens_of_megabytes()
    {
        var definition = new CrawlDefinition("memory", ["https://www.example.com/"], TimeSpan.FromDays(1), null, 5, 1_000_000, "same-host", false, DateTimeOffset.UtcNow);
        var urls = Enumerable.Range(0, 100_000)
            .Select(i => $"https://www.example{i % 50}.com/section-{i % 97}/article-{i}?page={i % 7}")
            .ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var run = new CrawlRun(definition, false, new CrawlScope("same-host", definition.Seeds), DateTimeOffset.UtcNow);
        foreach (var url in urls)
        {
            run.TryAdd(new FrontierEntry(url, 1));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var megabytes = (after - before) / 1024.0 / 1024.0;
        output.WriteLine($"Frontier of 100,000 URLs (queues, seen set, entries; URL strings already allocated): {megabytes:F1} MiB");
        var withStrings = megabytes + (urls.Sum(u => 22 + (2 * u.Length)) / 1024.0 / 1024.0);
        output.WriteLine($"Including the URL strings: {withStrings:F1} MiB");
        Assert.Equal(100_000, run.Seen.Count);
        Assert.Equal(50, run.Origins.Count);
        Assert.True(withStrings < 64, $"{withStrings:F1} MiB");
        GC.KeepAlive(run);
    }
}
