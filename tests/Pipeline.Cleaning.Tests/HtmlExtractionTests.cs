using System.Text;

namespace Pipeline.Cleaning.Tests;

public sealed class HtmlExtractionTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Page = """
        <!doctype html>
        <html lang="en-GB"><head><meta charset="utf-8">
        <title>How the river was cleaned | The Valley Courier</title>
        <meta property="og:site_name" content="The Valley Courier">
        <meta name="author" content="Jo Marsh">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"How the river was cleaned","datePublished":"2024-05-06T08:00:00+01:00"}</script>
        </head><body>
        <header><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
        <nav><ul><li><a href="/a">Local</a></li><li><a href="/b">Weather</a></li></ul></nav>
        <main><article>
        <h1>How the river was cleaned</h1>
        <p>Volunteers spent three summers pulling shopping trolleys, tyres and fishing line out of the river, and the council paid for new reed beds along the bank.</p>
        <h2>What changed</h2>
        <p>Anglers now report trout below the weir for the first time in twenty years, and the water board says nitrate levels have fallen by a third since the work began.</p>
        <ul><li>Reed beds planted on both banks</li><li>Storm drains fitted with filters</li></ul>
        <figure><img src="r.jpg"><figcaption>The weir in April. Photo: J. Marsh</figcaption></figure>
        <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
        <p>The next phase starts in autumn, when the upstream farms join the scheme and fence their cattle away from the water.</p>
        </article>
        <aside class="related"><h3>Related stories</h3><a href="/x">Town hall vote delayed again this month</a></aside>
        </main>
        <footer>© 2024 Valley Courier Ltd. All rights reserved.</footer>
        </body></html>
        """;

    private static CleaningResult Clean() => Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(Page), "river.html"));

    [Fact]
    public void Keeps_the_article_paragraphs_headings_and_list_items_in_order()
    {
        var text = Clean().Text;
        var first = text.IndexOf("Volunteers spent", StringComparison.Ordinal);
        var heading = text.IndexOf("What changed", StringComparison.Ordinal);
        var item = text.IndexOf("Reed beds planted on both banks\nStorm drains fitted with filters", StringComparison.Ordinal);
        var last = text.IndexOf("The next phase", StringComparison.Ordinal);
        Assert.True(first >= 0 && heading > first && item > heading && last > item, text);
    }

    [Fact]
    public void Drops_navigation_share_widgets_captions_related_links_and_footer()
    {
        var text = Clean().Text;
        Assert.DoesNotContain("Weather", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Twitter", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Photo: J. Marsh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Town hall vote", text, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_title_date_author_site_and_language_from_the_head()
    {
        var r = Clean();
        Assert.Equal("How the river was cleaned", r.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 0, 0, 0, TimeSpan.Zero), r.Published);
        Assert.Equal("Jo Marsh", r.Author);
        Assert.Equal("The Valley Courier", r.SiteName);
        Assert.Equal("en", r.Language);
    }

    [Fact]
    public void Says_what_it_removed_and_why()
    {
        var removed = Clean().Removed;
        Assert.Contains(removed, b => b.Kind == BoilerplateKinds.Navigation && b.Text.Contains("Weather", StringComparison.Ordinal));
        Assert.Contains(removed, b => b.Kind == BoilerplateKinds.ShareButtons);
        Assert.Contains(removed, b => b.Kind == BoilerplateKinds.Caption);
    }
}
