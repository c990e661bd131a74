using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

public sealed class CrawlScopeTests
{
    private static readonly string[] Seeds = ["https://example.com/docs/guide/start", "https://other.org/"];

    [Theory]
    [InlineData("same-host", "https://example.com/anything", true)]
    [InlineData("same-host", "http://example.com/anything", false)]
    [InlineData("same-host", "https://sub.example.com/", false)]
    [InlineData("same-host", "https://other.org/x", true)]
    [InlineData("same-prefix", "https://example.com/docs/guide/next", true)]
    [InlineData("same-prefix", "https://example.com/docs/other", false)]
    [InlineData("same-prefix", "https://other.org/deep/page", true)]
    [InlineData("list", "https://example.com/docs/guide/start", true)]
    [InlineData("list", "https://example.com/docs/guide/next", false)]
    public void Keeps_a_crawl_inside_its_scope(string scope, string url, bool inside) =>
        Assert.Equal(inside, new CrawlScope(scope, Seeds).Contains(url));

    [Fact]
    public void Refuses_an_unknown_scope() =>
        Assert.Throws<ArgumentException>(() => new CrawlScope("everywhere", Seeds));
}
