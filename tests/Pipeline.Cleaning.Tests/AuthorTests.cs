using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>Authors come from JSON-LD, meta tags, itemprop, rel=author and "By ..." bylines next to the heading.</summary>
public sealed class AuthorTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Paragraph = "<p>The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late.</p>";

    private static string? Author(string head, string body, string url = "https://harbour.example/news/boats") =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes($"<html><head>{head}</head><body>{body}</body></html>"), "page.html", "text/html", new Uri(url))).Author;

    [Fact]
    public void Resolves_a_json_ld_author_given_by_id_in_a_graph()
    {
        const string ld = """<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Boats","author":{"@id":"https://harbour.example/#/person/1"}},{"@type":"Person","@id":"https://harbour.example/#/person/1","name":"Mara Ellis"}]}</script>""";
        Assert.Equal("Mara Ellis", Author(ld, "<article><h1>Boats</h1>" + Paragraph + "</article>"));
    }

    [Fact]
    public void Joins_several_json_ld_authors_as_a_byline_reads()
    {
        const string ld = """<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Cy Diaz"}]}</script>""";
        Assert.Equal("Ann Lee, Bo Chan, and Cy Diaz", Author(ld, "<article><h1>Boats</h1>" + Paragraph + "</article>"));
    }

    [Fact]
    public void A_json_ld_author_that_is_an_organization_gives_way_to_the_byline_or_to_none()
    {
        const string ld = """<script type="application/ld+json">{"@type":"BlogPosting","headline":"Boats","author":{"@type":"Organization","name":"Quayside Software Ltd"}}</script>""";
        Assert.Null(Author(ld, "<article><h1>Boats</h1>" + Paragraph + "</article>"));
        Assert.Equal("Mara Ellis", Author(ld, """<article><h1>Boats</h1><a rel="author" href="/mara">Mara Ellis</a>""" + Paragraph + "</article>"));
    }

    [Fact]
    public void Reads_a_written_by_label_in_twitter_meta_tags()
    {
        Assert.Equal("Mara Ellis", Author("""<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Mara Ellis">""", "<h1>Boats</h1>" + Paragraph));
    }

    [Fact]
    public void Reads_an_itemprop_author_and_its_name()
    {
        Assert.Equal("Mara Ellis", Author(string.Empty, """<h1>Boats</h1><span itemprop="author" itemscope><span itemprop="name">Mara Ellis</span></span>""" + Paragraph));
    }

    [Fact]
    public void Reads_a_rel_author_link_under_the_heading()
    {
        Assert.Equal("Mara Ellis", Author(string.Empty, """<h1>Boats</h1><p>By <a rel="author" href="/mara">Mara Ellis</a></p>""" + Paragraph));
    }

    [Fact]
    public void Reads_a_byline_element_and_drops_its_prefix_and_date()
    {
        Assert.Equal("Mara Ellis", Author(string.Empty, """<h1>Boats</h1><div class="post-byline">Written by Mara Ellis | March 3, 2025</div>""" + Paragraph));
    }

    [Fact]
    public void Prefers_a_person_in_the_byline_over_the_site_named_as_author()
    {
        Assert.Equal("Mara Ellis", Author("""<meta name="author" content="Harbour News">""", """<h1>Boats</h1><span class="author-name">By Mara Ellis</span>""" + Paragraph, "https://harbournews.example/boats"));
    }

    [Fact]
    public void Keeps_the_site_as_author_when_no_person_is_named()
    {
        Assert.Equal("Harbour News", Author("""<meta name="author" content="Harbour News">""", "<h1>Boats</h1>" + Paragraph, "https://harbournews.example/boats"));
    }

    [Fact]
    public void Names_no_author_from_reviews_on_a_product_page()
    {
        Assert.Null(Author("""<meta property="og:type" content="product">""", """<h1>Deck shoes</h1>""" + Paragraph + """<div class="review-author">Sam Reed</div>"""));
    }

    [Fact]
    public void Names_no_author_from_cards_far_below_the_heading()
    {
        var cards = string.Concat(Enumerable.Range(0, 80).Select(i => $"<div><p>Story {i}</p></div>"));
        Assert.Null(Author(string.Empty, "<h1>Latest news</h1>" + Paragraph + cards + """<div class="card-author">Sam Reed</div>"""));
    }

    [Fact]
    public void Ignores_handles_and_placeholders_as_authors()
    {
        Assert.Null(Author("""<meta name="author" content="undefined"><meta name="twitter:creator" content="@harbour">""", "<h1>Boats</h1>" + Paragraph));
    }
}
