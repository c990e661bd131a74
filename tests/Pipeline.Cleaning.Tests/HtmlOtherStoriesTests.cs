using static Pipeline.Cleaning.Tests.HtmlPages;

namespace Pipeline.Cleaning.Tests;

/// <summary>Other whole posts appended after an article (infinite scroll, "also in the news" teasers) are not its text.</summary>
public sealed class HtmlOtherStoriesTests
{
    private static readonly string[] NextStory =
    [
        "The orchard on the hill behind the school lost half its pear trees in the storm, and the volunteers who planted them want to start again.",
        "A nursery in the valley has offered forty young trees at cost, if the parish can find people to dig the holes before the ground freezes.",
        "The headteacher says the pupils will each look after one tree, and their names will go on small slate labels by the gate.",
        "Last year the orchard gave enough fruit for the harvest fair and two hundred jars of chutney sold for the roof fund.",
        "The storm also took the roof off the cricket pavilion, which the club hopes to have mended before the first match of the season.",
    ];

    private static string Post(string heading, IEnumerable<string> paragraphs, string author) => $"""
        <article class="post"><header><h1>{heading}</h1><div class="meta">By <a href="/a/{author}">{author}</a> <time>May 4, 2024</time></div></header>
        <div class="entry-content">{Paragraphs(paragraphs)}</div></article>
        """;

    [Fact]
    public void An_article_followed_by_the_next_full_article_of_an_infinite_scroll_keeps_only_the_first()
    {
        var result = CleanHtml($"""
            <html><head><title>Boats at dawn | Coast News</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div id="infinite-scroll">{Post("Boats at dawn", Story, "ann")}{Post("Pear trees lost in the storm", NextStory, "bob")}</div>
            <footer>Coast News 2024</footer></body></html>
            """);

        Assert.Equal("Boats at dawn", result.Title);
        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(NextStory, p => Assert.DoesNotContain(p, result.Text, StringComparison.Ordinal));
        Assert.Contains(result.Removed, r => r.Kind == BoilerplateKinds.RelatedLinks && r.Text.StartsWith("Pear trees lost in the storm", StringComparison.Ordinal));
    }

    [Fact]
    public void An_infinite_scroll_of_plain_containers_keeps_only_the_first_post()
    {
        static string Item(string heading, IEnumerable<string> paragraphs) =>
            $"""<div class="story-item"><div class="story-head"><h1>{heading}</h1><time datetime="2024-05-04">May 4, 2024</time></div><div class="story-text">{Paragraphs(paragraphs)}</div></div>""";
        var result = CleanHtml($"""
            <html><head><title>Boats at dawn</title></head><body>
            <div class="stream">{Item("Boats at dawn", Story)}{Item("Pear trees lost in the storm", NextStory)}{Item("The pavilion roof", NextStory.Reverse())}</div></body></html>
            """);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(NextStory, p => Assert.DoesNotContain(p, result.Text, StringComparison.Ordinal));
        Assert.Equal(2, result.Removed.Count(r => r.Kind == BoilerplateKinds.RelatedLinks));
    }

    [Fact]
    public void Teaser_articles_after_the_article_are_dropped_whether_or_not_it_is_an_article_element()
    {
        var teasers = string.Concat(NextStory.Select((t, i) => $"""
            <article class="card"><div class="category">Front Page</div><div class="title"><a href="/story/{i}">Story number {i} from the valley today</a></div>
            <div class="date">May {i + 1}, 2024</div><div class="excerpt">{t[..90]}...</div></article>
            """));
        foreach (var wrapper in new[] { "article", "div" })
        {
            var result = CleanHtml($"""
                <html><head><title>Boats at dawn</title></head><body>
                <div class="column"><{wrapper} class="single"><h1>Boats at dawn</h1>{Paragraphs(Story)}</{wrapper}>
                <div class="label">Also in the news</div>{teasers}</div></body></html>
                """);

            Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
            Assert.DoesNotContain("Story number 0", result.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(NextStory[2][..40], result.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_single_article_with_sections_stays_whole()
    {
        var sections = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"""<article class="section"><h2>Part {i + 1} of the harbour story</h2>{Paragraphs(i % 2 == 0 ? Story : NextStory)}<p><a href="/more/{i}">Read the whole council report here</a></p></article>"""));
        var result = CleanHtml($"""
            <html><head><title>A long year at the harbour</title></head><body>
            <article class="post"><h1>A long year at the harbour</h1>{Paragraphs(Story)}{sections}</article></body></html>
            """);

        Assert.All(Story.Concat(NextStory), p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains($"Part {i} of the harbour story", result.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Removed, r => r.Kind == BoilerplateKinds.RelatedLinks);
    }

    [Fact]
    public void A_listing_of_post_teasers_keeps_every_teaser()
    {
        var posts = string.Concat(NextStory.Select((t, i) => $"""
            <article class="post"><h2><a href="/post/{i}">Post number {i} about the valley</a></h2><div class="meta">May {i + 1}, 2024</div><p>{t}</p></article>
            """));
        var result = CleanHtml($"""<html><head><title>Valley blog</title></head><body><h1>Valley blog</h1><p>News from the valley.</p>{posts}</body></html>""");

        Assert.All(NextStory, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_opened_by_a_related_heading_after_the_article_is_dropped()
    {
        foreach (var label in new[] { "Related articles", "You may also like", "Up next", "Similar items", "Customers also bought" })
        {
            var cards = string.Concat(NextStory.Select((t, i) => $"""<div class="c"><a href="/s/{i}"><span>Story {i} in the valley</span></a><p>{t[..70]}</p></div>"""));
            var result = CleanHtml($"""
                <html><head><title>Boats at dawn</title></head><body><div class="page"><h1>Boats at dawn</h1>{Paragraphs(Story)}{Paragraphs(Story.Reverse())}
                <section><div class="head"><h3>{label}</h3></div><div class="grid">{cards}</div></section></div></body></html>
                """);

            Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
            Assert.DoesNotContain("Story 1 in the valley", result.Text, StringComparison.Ordinal);
            Assert.Contains(result.Removed, r => r.Kind == BoilerplateKinds.RelatedLinks && r.Text.StartsWith(label, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sections_whose_heading_only_starts_like_a_related_label_or_that_are_the_page_itself_are_kept()
    {
        // "Related work" is a part of a paper; a page whose whole list sits under "Latest posts" is that list.
        var paper = CleanHtml($"""
            <html><head><title>Boats at dawn</title></head><body><h1>Boats at dawn</h1>{Paragraphs(Story)}
            <section><h2>Related work</h2><p>Earlier counts by <a href="/r/1">Smith</a> and <a href="/r/2">Jones</a> used the old quay.</p>{Paragraphs(NextStory)}</section></body></html>
            """);
        Assert.All(NextStory, p => Assert.Contains(p, paper.Text, StringComparison.Ordinal));

        var posts = string.Concat(NextStory.Select((t, i) => $"""<div class="post"><h3><a href="/p/{i}">Post number {i} about the valley</a></h3><p>{t}</p></div>"""));
        var listing = CleanHtml($"""<html><head><title>Valley blog</title></head><body><div><h2>Latest posts</h2>{posts}</div></body></html>""");
        Assert.All(NextStory, p => Assert.Contains(p, listing.Text, StringComparison.Ordinal));
    }
}
