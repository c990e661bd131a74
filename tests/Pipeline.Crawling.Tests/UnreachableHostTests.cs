using Pipeline.Cli;
using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

/// <summary>Hosts are resolved when a crawl runs: an unresolvable one is an error on each of its URLs, not a refused definition.</summary>
public sealed class UnreachableHostTests
{
    [Fact]
    public async Task An_unresolvable_host_is_reported_for_each_of_its_urls_when_the_crawl_runs()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var data = new TempDirectory();
        var definition = CrawlDefinitions.Create(
            CrawlOnce.CrawlName, ["https://no-such-host.invalid/a", "https://no-such-host.invalid/b"], TimeSpan.FromDays(1), null, 1, 10, "list", false, DateTimeOffset.UtcNow);
        var output = new StringWriter();

        Assert.Equal(0, await CrawlOnce.RunAsync(definition, data.Path, CrawlOnceTests.Settings(delay: 20), output, cancel.Token));

        var text = output.ToString();
        Assert.Contains("fetched 0, not modified 0, skipped by robots 0, errors 2", text, StringComparison.Ordinal);
        Assert.Contains("error: https://no-such-host.invalid/a: robots.txt of https://no-such-host.invalid could not be read: ", text, StringComparison.Ordinal);
        Assert.Contains("error: https://no-such-host.invalid/b: ", text, StringComparison.Ordinal);
    }
}
