using Pipeline.Crawler;
using Pipeline.Fetcher;

namespace Pipeline.Crawling.Tests;

public sealed class HtmlLinksTests
{
    private static readonly Uri Page = new("https://example.com/blog/post");

    [Fact]
    public void Finds_followable_links_resolved_against_the_page_or_its_base()
    {
        const string html = """
            <html><head><link rel="canonical" href="/blog/post-canonical"><base href="https://example.com/base/"></head>
            <body><a href="one">1</a> <A HREF='/two?x=1&amp;y=2'>2</A> <a href=three.html>3</a>
            <a rel="nofollow sponsored" href="/skip">no</a> <a href="mailto:a@b.c">mail</a> <a href="javascript:void(0)">js</a>
            <a href="https://other.org/x">other</a> <a name="anchor-without-href">x</a></body></html>
            """;
        var links = HtmlLinks.Extract(html, Page, 100);
        Assert.Equal(
            ["https://example.com/base/one", "https://example.com/two?x=1&y=2", "https://example.com/base/three.html", "https://other.org/x"],
            links.Links);
        Assert.Equal("https://example.com/blog/post-canonical", links.Canonical);
    }

    [Fact]
    public void A_robots_meta_nofollow_drops_every_link() =>
        Assert.Empty(HtmlLinks.Extract("""<meta name="robots" content="noindex, nofollow"><a href="/a">a</a>""", Page, 100).Links);

    [Fact]
    public void Stops_at_the_link_limit() =>
        Assert.Equal(2, HtmlLinks.Extract("<a href=/1></a><a href=/2></a><a href=/3></a>", Page, 2).Links.Count);

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "iso-8859-1")]
    [InlineData("<p>no declaration</p>", null)]
    public void Reads_the_charset_a_page_declares(string head, string? charset) =>
        Assert.Equal(charset, HtmlLinks.MetaCharset(System.Text.Encoding.ASCII.GetBytes(head)));

    [Fact]
    public void Reads_sitemaps_and_sitemap_indexes_without_dtds()
    {
        var (pages, sitemaps) = SitemapReader.Parse(
            """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://example.com/a </loc><lastmod>2026-01-01</lastmod></url><url><loc>https://example.com/b</loc></url></urlset>""", 100);
        Assert.Equal(["https://example.com/a", "https://example.com/b"], pages);
        Assert.Empty(sitemaps);

        (pages, sitemaps) = SitemapReader.Parse(
            """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.com/s1.xml</loc></sitemap></sitemapindex>""", 100);
        Assert.Empty(pages);
        Assert.Equal(["https://example.com/s1.xml"], sitemaps);

        (pages, _) = SitemapReader.Parse("""<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>""", 100);
        Assert.Empty(pages);
    }
}
