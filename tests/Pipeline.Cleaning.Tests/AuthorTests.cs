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
    public void Keeps_the_site_as_author_when_no_person_is_named_and_the_page_shows_it()
    {
        Assert.Equal("Harbour News", Author("""<meta name="author" content="Harbour News">""", "<h1>Boats</h1><p class=\"credit\">Harbour News</p>" + Paragraph, "https://harbournews.example/boats"));
    }

    [Fact]
    public void Names_no_author_when_the_site_is_named_only_in_its_meta_tags()
    {
        Assert.Null(Author("""<meta name="author" content="Harbour News">""", "<h1>Boats</h1>" + Paragraph, "https://harbournews.example/boats"));
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
    [Theory]
    [InlineData("""<p class="meta">By <a href="/people/mara">Mara Ellis</a> <span>March 3, 2025</span></p>""")]
    [InlineData("""<div><p>Written by</p><p>Mara Ellis</p></div>""")]
    [InlineData("""<div><div><strong>Written By:</strong></div><a href="/authors/mara"><div>Mara Ellis</div></a></div>""")]
    [InlineData("""<p>by: <!-- -->Mara Ellis<!-- -->, <!-- -->Dec 17, 2025</p>""")]
    [InlineData("""<div class="meta"><time datetime="2025-03-03">03/03/2025</time> by Mara Ellis, Harbour Correspondent for the Northern Coast and Islands</div>""")]
    [InlineData("""<p>Von Mara Ellis</p>""")]
    [InlineData("""<p>Par Mara Ellis</p>""")]
    [InlineData("""<p>Autor: Mara Ellis</p>""")]
    [InlineData("""<div class="recipe-meta">Recipe by <a href="/m">Mara Ellis</a></div>""")]
    public void Reads_a_by_line_written_as_text_under_the_heading(string byline) =>
        Assert.Equal("Mara Ellis", Author(string.Empty, "<article><h1>Boats</h1>" + byline + Paragraph + "</article>"));

    [Theory]
    [InlineData("""<div class="post-hero__author__name">Mara Ellis</div>""")]
    [InlineData("""<div class="text__author">Mara Ellis</div><div class="text__date">August 25, 2024</div>""")]
    [InlineData("""<span class="postAuthor">Mara Ellis</span>""")]
    [InlineData("""<div class="mntl-bylines__item"><span>By</span><a href="/m">Mara Ellis</a></div>""")]
    [InlineData("""<div class="elementor-author-box"><h4 class="elementor-author-box__name">Mara Ellis</h4></div>""")]
    [InlineData("""<div class="resource-author-details"><p>Mara Ellis</p><small>December 17, 2025</small></div>""")]
    [InlineData("""<div class="publish-date-author">Dec. 19, 2025 &middot; Mara Ellis on behalf of the harbour team</div>""")]
    public void Reads_a_byline_element_in_component_class_names_and_drops_dates(string byline) =>
        Assert.Equal("Mara Ellis", Author(string.Empty, "<article><h1>Boats</h1>" + byline + Paragraph + "</article>"));

    [Theory]
    [InlineData("""<ul class="sort"><li>By category</li><li>By date</li></ul>""")]
    [InlineData("""<p>By clicking subscribe you agree to receive the harbour newsletter.</p>""")]
    [InlineData("""<p>Reviewed by Sam Reed</p>""")]
    [InlineData("""<p>By 2030 the quay will hold twice as many boats.</p>""")]
    [InlineData("""<p>By this</p><p>measure, the harbour is full.</p>""")]
    [InlineData("""<div class="author-bio">Sam Reed writes about boats.</div>""")]
    public void Names_no_author_from_text_that_only_starts_like_a_byline(string body) =>
        Assert.Null(Author(string.Empty, "<article><h1>Boats</h1>" + body + Paragraph + "</article>"));

    [Fact]
    public void Keeps_a_long_list_of_json_ld_authors_whole()
    {
        const string ld = """<script type="application/ld+json">{"@type":"Report","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Cy Diaz"},{"@type":"Person","name":"Di Ng"},{"@type":"Person","name":"Ed Po"}]}</script>""";
        Assert.Equal("Ann Lee, Bo Chan, Cy Diaz, Di Ng, and Ed Po", Author(ld, "<article><h1>Boats</h1>" + Paragraph + "</article>"));
    }

    [Fact]
    public void Cuts_a_long_title_after_the_name_in_the_meta_author()
    {
        Assert.Equal("Mara Ellis", Author("""<meta name="author" content="Mara Ellis, Senior Director of Marine Operations and Logistics at Harbour Lines">""", "<h1>Boats</h1>" + Paragraph));
    }

    [Fact]
    public void Names_no_author_on_a_product_page_even_when_its_meta_names_one()
    {
        Assert.Null(Author("""<meta property="og:type" content="product"><meta name="author" content="Harbour Outfitters">""", "<h1>Deck shoes</h1>" + Paragraph, "https://harbouroutfitters.example/shoes"));
        const string ld = """<script type="application/ld+json">{"@type":"Product","name":"Deck shoes","brand":"Quay","review":{"@type":"Review","author":{"@type":"Person","name":"Sam Reed"}}}</script>""";
        Assert.Null(Author(ld + """<meta name="author" content="Sam Reed">""", "<h1>Deck shoes</h1>" + Paragraph));
    }

    [Fact]
    public void Keeps_the_declared_writer_of_an_article_that_reviews_products()
    {
        const string ld = """<script type="application/ld+json">[{"@type":"Article","headline":"Best deck shoes","author":{"@type":"Person","name":"Mara Ellis"}},{"@type":"Product","name":"Deck shoes","review":{"@type":"Review","author":{"@type":"Person","name":"Sam Reed"}}}]</script>""";
        Assert.Equal("Mara Ellis", Author(ld, "<article><h1>Best deck shoes</h1>" + Paragraph + "</article>"));
    }

    [Fact]
    public void Reads_the_first_citation_author_as_the_name_reads()
    {
        Assert.Equal("Aniruddha Roy", Author("""<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">""", "<h1>Merging models</h1>" + Paragraph));
    }

    [Theory]
    [InlineData("""<dl><dt><a class="username" href="/u/1">harbourfan42</a></dt></dl>""", "harbourfan42")]
    [InlineData("""<p>Started by Mara Ellis, June 04, 2024, 11:23:55 AM</p>""", "Mara Ellis")]
    [InlineData("""<div class="blog__authorname">Mara Ellis</div>""", "Mara Ellis")]
    public void Reads_the_thread_starter_and_handles_with_digits(string byline, string expected) =>
        Assert.Equal(expected, Author(string.Empty, "<h1>Boats</h1>" + byline + Paragraph));

    [Fact]
    public void Names_no_author_from_the_first_card_of_a_listing_under_the_heading()
    {
        var cards = string.Concat(Enumerable.Range(0, 3).Select(i => $"""<div class="card"><h3><a href="/s/{i}">Story {i}</a></h3><span class="byline">By Sam Reed</span><p>A short teaser for story {i}.</p></div>"""));
        Assert.Null(Author(string.Empty, "<h1>Latest news</h1>" + cards));
        Assert.Equal("Mara Ellis", Author(string.Empty, """<article><h1>Boats</h1><div class="byline"><a rel="author" href="/m">Mara Ellis</a></div>""" + Paragraph + "</article>"));
    }

    [Fact]
    public void Reads_an_author_box_whose_linked_heading_is_the_name()
    {
        Assert.Equal("Mara Ellis", Author(string.Empty, """<article><h1>Boats</h1><div class="author-box"><a href="/m"><h4 class="author-box__name">Mara Ellis</h4></a></div>""" + Paragraph + "</article>"));
    }

    [Fact]
    public void Reads_the_starter_of_a_forum_thread_whose_posts_are_headed_by_its_title()
    {
        var posts = string.Concat(new[] { ("first", "Quay lights", "harbourfan42"), ("reply", "Re: Quay lights", "ropes_and_knots") }.Select(p =>
            $"""<div class="post"><h3 class="{p.Item1}"><a href="#p1">{p.Item2}</a></h3><dl><dt><a class="username" href="/u">{p.Item3}</a></dt></dl>{Paragraph}</div>"""));
        Assert.Equal("harbourfan42", Author("<title>Quay lights - Harbour Forum</title>", """<h2 class="topic-title"><a href="/t/1">Quay lights</a></h2>""" + posts));
    }

    [Fact]
    public void Names_no_author_on_a_page_that_declares_itself_a_collection()
    {
        const string ld = """<script type="application/ld+json">{"@type":"CollectionPage","name":"Latest news","author":{"@type":"Person","name":"Sam Reed"}}</script>""";
        Assert.Null(Author(ld, """<h1>Latest news</h1><span class="byline">By Sam Reed</span>""" + Paragraph));
        const string article = """<script type="application/ld+json">[{"@type":"ItemList","name":"Ten boats"},{"@type":"Article","headline":"Ten boats","author":{"@type":"Person","name":"Mara Ellis"}}]</script>""";
        Assert.Equal("Mara Ellis", Author(article, "<h1>Ten boats</h1>" + Paragraph));
    }

    [Fact]
    public void Names_no_author_when_the_byline_repeats_in_cards_after_their_headline_links()
    {
        // No headings in the cards: a title link, a date, the writer, as blog indexes and book lists print them.
        var items = string.Concat(new[] { "Sam Reed", "Ann Lee", "Bo Chan" }.Select((name, i) =>
            $"""<p class="entry"><a href="/s/{i}">Counting the boats at dawn, part {i}</a>, <span class="date">3 May 2025</span><br><span class="author">{name}</span></p><p class="summary">A teaser.</p>"""));
        Assert.Null(Author(string.Empty, "<h1>The Harbour Blog</h1><div>" + items + "</div>"));
        var books = string.Concat(new[] { "Sam Reed", "Ann Lee", "Bo Chan" }.Select((name, i) =>
            $"""<tr class="book"><td><a href="/b/{i}">The Lighthouse Keeper, volume {i}</a> by <span itemprop="author"><span itemprop="name">{name}</span></span></td></tr>"""));
        Assert.Null(Author(string.Empty, "<h1>Best sea novels</h1><table>" + books + "</table>"));
        var blocks = string.Concat(new[] { "Sam Reed", "Ann Lee", "Bo Chan" }.Select((name, i) =>
            $"""<div class="block"><h4>The house by the harbour, part {i}</h4><p>By {name}, of the Quay Society</p><p>A teaser.</p></div>"""));
        Assert.Null(Author(string.Empty, "<h1>Readings</h1>" + blocks));
    }

    [Fact]
    public void Keeps_the_poster_of_repeated_forum_posts_and_a_byline_before_related_cards()
    {
        // Posts repeat, but no headline link of another story comes before the poster's name.
        var posts = string.Concat(new[] { "harbourfan42", "ropes_and_knots", "quaykeeper" }.Select(name =>
            $"""<div class="post"><span class="username">{name}</span><a href="/report">Report this post</a>{Paragraph}</div>"""));
        Assert.Equal("harbourfan42", Author("<title>Quay lights - Harbour Forum</title>", "<h1>Quay lights</h1>" + posts));
        var related = string.Concat(Enumerable.Range(0, 3).Select(i => $"""<div class="rel"><a href="/s/{i}">Another story about boats {i}</a><span class="author">Sam Reed</span></div>"""));
        Assert.Equal("Mara Ellis", Author(string.Empty, """<h1>Boats</h1><span class="author">Mara Ellis</span>""" + Paragraph + related));
    }

    [Theory]
    [InlineData("mdelatorreq6vkpg2ma0ci", null)]
    [InlineData("Dariusz Jaro\u00C5\u0084", null)]
    [InlineData("paulb203", "paulb203")]
    [InlineData("ron1cne", "ron1cne")]
    public void Takes_no_generated_account_id_or_mis_decoded_name_as_the_author(string declared, string? expected) =>
        Assert.Equal(expected, Author($"""<meta name="author" content="{declared}">""", "<h1>Boats</h1>" + Paragraph));
}
