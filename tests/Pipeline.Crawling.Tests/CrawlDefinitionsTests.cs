using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

/// <summary>Bad input is refused before anything is stored or fetched, with a message that says what is wrong.</summary>
public sealed class CrawlDefinitionsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData("not a url", "is not a valid absolute URL")]
    [InlineData("example.com/page", "is not a valid absolute URL")]
    [InlineData("ftp://example.com/file", "the scheme 'ftp' is not supported")]
    [InlineData("file:///etc/passwd", "the scheme 'file' is not supported")]
    [InlineData("https://user:pw@example.com/", "credentials in URLs are not supported")]
    public void Refuses_invalid_urls_and_non_http_schemes(string url, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(seeds: [url]));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defining_a_crawl_resolves_no_host()
    {
        // An unresolvable host is accepted here and reported, per URL, when the crawl runs.
        var definition = Create(seeds: ["https://no-such-host.invalid/news/"]);
        Assert.Equal(["https://no-such-host.invalid/news/"], definition.Seeds);
    }

    [Theory]
    [InlineData(0, 1000, "depth")]
    [InlineData(11, 1000, "depth")]
    [InlineData(2, 0, "maxPages")]
    [InlineData(2, 1_000_001, "maxPages")]
    public void Refuses_depths_and_page_limits_out_of_range_naming_the_field(int depth, int maxPages, string field)
    {
        var errors = CrawlDefinitions.Check("news", ["https://example.com/"], TimeSpan.FromHours(1), null, depth == 0 ? -1 : depth, maxPages, "same-host", out _);
        Assert.Equal([field], errors.Keys);
        if (field == "depth")
        {
            // The API answers with these very words (WriteTests), and the command line prints them.
            Assert.Equal("The depth must be from 0 (the seeds only) to 10.", errors[field]);
        }
    }

    [Fact]
    public void Refuses_a_schedule_that_is_missing_doubled_or_malformed()
    {
        Assert.Contains("exactly one of an interval", Assert.Throws<ArgumentException>(() => Scheduled(null, null)).Message, StringComparison.Ordinal);
        Assert.Contains("exactly one of an interval", Assert.Throws<ArgumentException>(() => Scheduled(TimeSpan.FromHours(1), "0 0 * * * ?")).Message, StringComparison.Ordinal);
        Assert.Contains("is not a Quartz cron expression", Assert.Throws<ArgumentException>(() => Scheduled(null, "every day")).Message, StringComparison.Ordinal);
        Assert.Contains("not a crawl name", Assert.Throws<ArgumentException>(() => Create(name: "no spaces please")).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown scope", Assert.Throws<ArgumentException>(() => Create(scope: "world")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CrawlDefinitions.ParseInterval("six hours"));
        Assert.Throws<FormatException>(() => CrawlDefinitions.ParseInterval("99999999999d"));
        Assert.Contains("from 1 second to 365 days", Assert.Throws<ArgumentException>(() => Scheduled(TimeSpan.FromMilliseconds(10), null)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6h", 6 * 3600)]
    [InlineData("30m", 1800)]
    [InlineData("1d", 86400)]
    [InlineData("90s", 90)]
    [InlineData("01:30:00", 5400)]
    public void Parses_intervals(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CrawlDefinitions.ParseInterval(text));

    [Fact]
    public void Accepts_a_good_definition_with_normalised_seeds()
    {
        var definition = Scheduled(null, "0 0 */6 * * ?", ["HTTPS://Example.com:443/a?utm_source=x#top", "https://example.com/a"]);
        Assert.Equal(["https://example.com/a"], definition.Seeds);
        Assert.Equal("0 0 */6 * * ?", definition.Cron);
    }

    private static Pipeline.Storage.CrawlDefinition Create(string name = "news", string[]? seeds = null, string scope = "same-host") =>
        CrawlDefinitions.Create(name, seeds ?? ["https://example.com/"], TimeSpan.FromHours(6), null, 2, 100, scope, false, Now);

    private static Pipeline.Storage.CrawlDefinition Scheduled(TimeSpan? every, string? cron, string[]? seeds = null) =>
        CrawlDefinitions.Create("news", seeds ?? ["https://example.com/"], every, cron, 2, 100, "same-host", false, Now);
}
