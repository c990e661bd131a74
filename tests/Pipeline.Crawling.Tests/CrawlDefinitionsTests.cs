using Pipeline.Crawler;
using Pipeline.Fetcher;

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
    public async Task Refuses_hosts_that_do_not_resolve()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CrawlDefinitions.CheckReachableAsync(["https://no-such-host.invalid/"], new AddressGuard(false), CancellationToken.None));
        Assert.Contains("'no-such-host.invalid' does not resolve", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.7/")]
    [InlineData("http://[::1]/")]
    public async Task Refuses_private_addresses_without_the_setting(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CrawlDefinitions.CheckReachableAsync([url], new AddressGuard(false), CancellationToken.None));
        Assert.Contains("set Crawler:AllowPrivateNetworks=true", error.Message, StringComparison.Ordinal);
        await CrawlDefinitions.CheckReachableAsync([url.Replace("169.254.169.254", "127.0.0.1", StringComparison.Ordinal).Replace("10.0.0.7", "127.0.0.1", StringComparison.Ordinal)], new AddressGuard(true), CancellationToken.None);
    }

    [Fact]
    public void Refuses_a_schedule_that_is_missing_doubled_or_malformed()
    {
        Assert.Contains("exactly one of --every", Assert.Throws<ArgumentException>(() => Scheduled(null, null)).Message, StringComparison.Ordinal);
        Assert.Contains("exactly one of --every", Assert.Throws<ArgumentException>(() => Scheduled(TimeSpan.FromHours(1), "0 0 * * * ?")).Message, StringComparison.Ordinal);
        Assert.Contains("not a valid Quartz cron", Assert.Throws<ArgumentException>(() => Scheduled(null, "every day")).Message, StringComparison.Ordinal);
        Assert.Contains("not a crawl name", Assert.Throws<ArgumentException>(() => Create(name: "no spaces please")).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown scope", Assert.Throws<ArgumentException>(() => Create(scope: "world")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CrawlDefinitions.ParseInterval("six hours"));
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
