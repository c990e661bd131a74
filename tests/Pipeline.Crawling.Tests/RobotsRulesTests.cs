using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comment
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Disallow: /search*q=
        Crawl-delay: 2.5

        User-agent: PipelineBot
        User-agent: OtherBot
        Disallow: /only-for-us/
        Allow: /only-for-us/but-this
        Crawl-delay: 4

        Sitemap: https://example.com/sitemap.xml
        Sitemap: https://example.com/news-sitemap.xml
        """;

    [Theory]
    [InlineData("/private/x", false)]
    [InlineData("/private/open", true)]
    [InlineData("/private/open/deeper", true)]
    [InlineData("/public", true)]
    [InlineData("/file.pdf", false)]
    [InlineData("/file.pdf?download=1", true)]
    [InlineData("/search?page=2&q=x", false)]
    [InlineData("/robots.txt", true)]
    public void The_star_group_applies_to_other_agents_with_the_longest_match(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, "SomeBot/2.0").IsAllowed(path));

    [Fact]
    public void A_group_naming_our_product_token_replaces_the_star_group()
    {
        var rules = RobotsRules.Parse(Robots, "PipelineBot/1.0");
        Assert.True(rules.IsAllowed("/private/x"));
        Assert.False(rules.IsAllowed("/only-for-us/page"));
        Assert.True(rules.IsAllowed("/only-for-us/but-this"));
        Assert.Equal(TimeSpan.FromSeconds(4), rules.CrawlDelay);
    }

    [Fact]
    public void Reads_crawl_delay_and_every_sitemap_line()
    {
        var rules = RobotsRules.Parse(Robots, "SomeBot");
        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
        Assert.Equal(["https://example.com/sitemap.xml", "https://example.com/news-sitemap.xml"], rules.Sitemaps);
    }

    [Fact]
    public void Allow_wins_a_tie_between_equally_long_rules()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "Bot");
        Assert.True(rules.IsAllowed("/page"));
    }

    [Fact]
    public void An_empty_disallow_allows_everything_and_disallow_root_blocks_everything()
    {
        Assert.True(RobotsRules.Parse("User-agent: *\nDisallow:\n", "Bot").IsAllowed("/anything"));
        Assert.False(RobotsRules.Parse("User-agent: *\nDisallow: /\n", "Bot").IsAllowed("/anything"));
        Assert.True(RobotsRules.AllowAll.IsAllowed("/anything"));
    }

    [Theory]
    [InlineData("/a*b$", "/a-x-b", true)]
    [InlineData("/a*b$", "/a-x-b-c", false)]
    [InlineData("/a$", "/a", true)]
    [InlineData("/a$", "/ab", false)]
    [InlineData("*", "/whatever", true)]
    [InlineData("/x/*/y", "/x/1/2/y", true)]
    public void Matches_wildcards_and_end_anchors(string pattern, string path, bool matches) =>
        Assert.Equal(matches, RobotsRules.Matches(pattern, path));
}
