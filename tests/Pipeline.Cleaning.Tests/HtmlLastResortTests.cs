using static Pipeline.Cleaning.Tests.HtmlPages;

namespace Pipeline.Cleaning.Tests;

/// <summary>When the page's own markings make the pruning drop everything, the prose is still kept; menus alone are not.</summary>
public sealed class HtmlLastResortTests
{
    private const string First = "The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late.";
    private const string Second = "Buyers came from three towns along the coast, and by noon the price of mackerel had fallen to half of what it was last spring.";

    [Fact]
    public void Keeps_prose_that_sits_in_blocks_classed_as_widgets()
    {
        var result = CleanHtml($"""
            <html><body>
            <div class="sidebar-widget"><p>{First}</p></div>
            <div class="related-posts-widget"><p>{Second}</p></div>
            </body></html>
            """);
        Assert.Contains(First, result.Text, StringComparison.Ordinal);
        Assert.Contains(Second, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_long_description_of_a_page_whose_body_is_filled_in_by_scripts()
    {
        var excerpt = First + " " + Second + " " + First;
        var result = CleanHtml($"""
            <html><head><title>Boats</title><meta property="og:description" content="{excerpt}"></head>
            <body><div id="app"></div><script>render()</script></body></html>
            """);
        Assert.Equal(excerpt, result.Text);
    }

    [Fact]
    public void Rejects_a_page_whose_body_is_filled_in_by_scripts_and_which_offers_only_a_short_description()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => CleanHtml($"""
            <html><head><title>Boats</title><meta property="og:description" content="{First}"></head>
            <body><div id="app"></div><script>render()</script></body></html>
            """));
        Assert.Equal("empty-after-cleaning", ex.Reason);
    }

    [Fact]
    public void Keeps_the_article_body_given_in_json_ld_over_the_short_description()
    {
        var result = CleanHtml($$"""
            <html><head><meta name="description" content="Boats at dawn.">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Boats","articleBody":"<p>{{First}}</p><p>{{Second}}</p>"}</script>
            </head><body><div id="root"></div></body></html>
            """);
        Assert.Equal(First + "\n\n" + Second, result.Text);
    }

    [Fact]
    public void Rejects_a_page_of_menus_and_footer_links_as_empty_after_cleaning()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => CleanHtml("""
            <html><head><meta name="description" content="The best shop for everything you need, with free delivery."></head><body>
            <nav><a href="/">Home</a> <a href="/a">About</a> <a href="/s">Shop</a></nav>
            <div class="footer-links"><p>Help Center, Disputes &amp; Reports, Return policy, Report infringement, Recalls, Privacy Policy, Terms of Use, Sitemap, Careers.</p>
            <p>Sofas, Armchairs, Dining Tables, Floor Lamps, Wool Rugs, Bunk Beds, Wall Mirrors, Book Shelves, Standing Desks, Cushions, Curtains, Blankets, Vases, Wall Clocks, Picture Frames.</p>
            <p>English, Deutsch, Français, Español, Italiano, Nederlands, Polski, Português, Svenska, Türkçe, Dansk, Norsk, Suomi.</p></div>
            <footer>© 2025 Shop. All rights reserved.</footer>
            </body></html>
            """));
        Assert.Equal("empty-after-cleaning", ex.Reason);
    }
}
