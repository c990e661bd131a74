using static Pipeline.Cleaning.Tests.HtmlPages;

namespace Pipeline.Cleaning.Tests;

/// <summary>A landing page built of small sections side by side keeps them all, not only the wordiest one.</summary>
public sealed class HtmlLandingSectionsTests
{
    private static readonly string[] Hero =
    [
        "Boats for every harbour",
        "Charter a crewed boat for a day on the water, from the first light to the evening tide.",
    ];

    private static readonly string[] Features =
    [
        "Skippers who know the coast have sailed these waters for twenty years and pick the calmest route for the day.",
        "Every boat carries life jackets for children and adults, a radio and a first aid kit checked before each trip.",
        "Lunch is cooked on board from the morning catch, with bread from the bakery on the quay and fruit from the market.",
        "Trips leave from three harbours along the coast, so there is always a quay within an hour of where you stay.",
    ];

    private static readonly string[] Quote =
    [
        "The crew made our day: we saw seals off the point and were back before the rain came in.",
        "Anna, who sailed with us in June",
    ];

    [Fact]
    public void Every_section_of_a_landing_page_is_kept_when_the_wordiest_holds_under_half_of_them()
    {
        var nav = string.Concat(Enumerable.Range(0, 12).Select(i => $"""<li><a href="/p/{i}">Page {i}</a></li>"""));
        var logos = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"""<a href="/c/{i}">Partner company {i}</a>"""));
        var features = string.Concat(Features.Select(f => $"<div class=\"card\"><h3>Good to know</h3><div>{f}</div><a href=\"/more\">Learn more about this</a></div>"));
        var result = CleanHtml($"""
            <html><head><title>Harbour Boats</title></head><body>
            <header><nav><ul>{nav}</ul></nav></header>
            <main>
            <section class="hero"><h1>{Hero[0]}</h1><p>{Hero[1]}</p><p>Boats leave every morning at seven, and every evening at six in the summer months when the days are long.</p></section>
            <section class="features"><h2>Why sail with us</h2><div class="grid">{features}</div></section>
            <section class="logos">{logos}</section>
            <section class="quotes"><blockquote><div>{Quote[0]}</div><div>{Quote[1]}</div></blockquote></section>
            <section class="cta"><h2>Ready when the tide is</h2><div>Pick a date, pick a harbour, and we will have the boat ready for you.</div></section>
            </main>
            <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
            </body></html>
            """);

        Assert.All(Features, f => Assert.Contains(f, result.Text, StringComparison.Ordinal));
        Assert.Contains(Hero[1], result.Text, StringComparison.Ordinal);
        Assert.Contains(Quote[0], result.Text, StringComparison.Ordinal);
        Assert.Contains("Pick a date, pick a harbour", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Privacy", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_beside_a_few_short_boxes_is_not_joined_with_them()
    {
        string[] story =
        [
            "The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late.",
            "Buyers came from three towns along the coast, and by noon the price of mackerel had fallen to half of what it was last spring.",
            "The lifeboat crew kept watch from the pier head all morning, ready for the swell that the forecast promised but that never came.",
            "By the afternoon the last of the day boats were tied up three deep along the wall, and the gulls had the slipway to themselves.",
        ];
        var result = CleanHtml($"""
            <html><body><div class="page">
            <div class="story"><h1>Boats at dawn</h1>{string.Concat(story.Select(p => $"<p>{p}</p>"))}</div>
            <div class="box"><p>Subscribe to the harbour newsletter for the tide tables every week.</p></div>
            <div class="box"><p>Our shop sells charts, ropes and oilskins at the quay all year round.</p></div>
            </div></body></html>
            """);

        Assert.All(story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("oilskins", result.Text, StringComparison.Ordinal);
    }
}
