using Pipeline.Fetcher;

namespace Pipeline.Crawling.Tests;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/a/b", "http://example.com/a/b")]
    [InlineData("https://example.com:443/x", "https://example.com/x")]
    [InlineData("http://example.com:80", "http://example.com/")]
    [InlineData("http://example.com:8080/x", "http://example.com:8080/x")]
    [InlineData("http://example.com/a#section", "http://example.com/a")]
    [InlineData("http://example.com/a?b=2&a=1", "http://example.com/a?a=1&b=2")]
    [InlineData("http://example.com/a?utm_source=x&id=5&utm_campaign=y&fbclid=z&gclid=q", "http://example.com/a?id=5")]
    [InlineData("http://example.com/a?utm_source=x", "http://example.com/a")]
    [InlineData("http://example.com/a/./b/../c", "http://example.com/a/c")]
    [InlineData("http://example.com/a%7eb", "http://example.com/a~b")]
    [InlineData("http://bücher.example/", "http://xn--bcher-kva.example/")]
    [InlineData("http://example.com./a", "http://example.com/a")]
    public void Normalises_to_one_spelling_per_page(string input, string expected) =>
        Assert.Equal(expected, UrlNormalizer.Normalize(input));

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData("/relative/only")]
    [InlineData("http://user:secret@example.com/")]
    public void Refuses_what_is_not_an_http_url(string input) => Assert.Null(UrlNormalizer.Normalize(input));

    [Fact]
    public void Resolves_relative_links_against_the_page() =>
        Assert.Equal("https://example.com/docs/b?x=1", UrlNormalizer.Normalize("../docs/b?x=1#top", new Uri("https://example.com/guide/a")));

    [Fact]
    public void Keeps_the_order_of_repeated_parameters() =>
        Assert.Equal("http://example.com/?a=2&a=1&b=0", UrlNormalizer.Normalize("http://example.com/?b=0&a=2&a=1"));
}
