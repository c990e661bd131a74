using static Pipeline.Cleaning.Tests.HtmlPages;

namespace Pipeline.Cleaning.Tests;

/// <summary>Whole parts of a page lost or wrongly kept (seen on held-out pages), each on a small page of its own.</summary>
public sealed class HtmlLossTests
{
    private static readonly string[] Replies =
    [
        "I fished out of that harbour for twenty years and never saw so many boats leave on one tide, it must have been a sight.",
        "The price will come back up once the restaurants in the city hear about the catch, it always does after a glut like this.",
        "Does anyone know whether the survey covers the old wreck by the outer buoy? The divers have been asking about it for years.",
        "My cousin runs the ice house and says they ran out of ice by nine, which has not happened since the summer of the big shoals.",
    ];

    [Fact]
    public void Reader_comments_under_an_article_are_not_kept_as_its_text_even_when_they_outweigh_it()
    {
        var comments = string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"""<li class="comment"><div class="comment-author"><a href="/u/{i}">reader{i}</a> says:</div><div class="comment-body">{Paragraphs(Replies)}</div></li>"""));
        var result = CleanHtml($"""
            <html><body><div class="story"><h1>Boats at dawn</h1><div class="summary">{Paragraphs(Story)}</div></div>
            <div id="comments" class="commentwrap"><ol class="comment-list">{comments}</ol></div></body></html>
            """);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(Replies[0], result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, r => r.Kind == BoilerplateKinds.Comments);
    }

    [Fact]
    public void A_thread_whose_posts_are_classed_as_comments_keeps_every_post()
    {
        var posts = string.Concat(Replies.Select((r, i) => $"""<article class="comment cPost"><aside class="cAuthor"><a href="/u/{i}">member{i}</a></aside><div class="cPost_content"><p>{r}</p></div></article>"""));
        var result = CleanHtml($"""<html><body><nav><a href="/">Forums</a> <a href="/f/boats">Boats</a></nav><h1>Forty boats on one tide</h1><div class="cTopic">{posts}</div></body></html>""");

        Assert.All(Replies, r => Assert.Contains(r, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_post_of_a_forum_thread_is_kept_not_only_the_first()
    {
        var first = Story[0] + " " + Story[1] + " " + Story[2];
        var posts = string.Concat(new[] { first }.Concat(Replies).Select((text, i) => $"""
            <article class="message message--post" id="post-{i}">
              <div class="message-user"><a href="/members/{i}">member{i}</a><span class="userTitle">Well-known member</span></div>
              <div class="message-main"><div class="message-attribution"><a href="/posts/{i}">#{i + 1}</a> <time>Jan {i + 1}, 2024</time></div>
                <div class="message-content"><article class="message-body"><div class="bbWrapper">{text}</div></article></div>
                <div class="message-actionBar"><a href="/react/{i}">Like</a> <a href="/reply/{i}">Reply</a></div></div>
            </article>
            """));
        var result = CleanHtml($"""<html><body><nav><a href="/">Forums</a></nav><h1>Forty boats on one tide</h1><div class="block-body">{posts}</div></body></html>""");

        Assert.Contains(Story[0], result.Text, StringComparison.Ordinal);
        Assert.All(Replies, r => Assert.Contains(r, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_streamed_in_a_hidden_segment_after_the_main_element_is_kept()
    {
        // Streaming server rendering sends the slow part of the page last, in a hidden segment the page's script moves
        // into the placeholder; the main element itself holds only the heading and a teaser.
        var menu = string.Concat(Enumerable.Range(0, 30).Select(i => $"""<li><a href="/s/{i}">Section number {i}</a></li>"""));
        string[] more =
        [
            "The lifeboat crew kept watch from the pier head all morning, ready for the swell that the forecast promised but that never came.",
            "By the afternoon the last of the day boats were tied up three deep along the wall, and the gulls had the slipway to themselves.",
        ];
        var segment = Story.Concat(Replies[1..]).Concat(more).ToArray();
        var result = CleanHtml($"""
            <html><body><nav><ul>{menu}</ul></nav>
            <main><h1>Boats at dawn</h1><p>A record morning at the harbour.</p><template id="B:0"></template><aside><a href="/more">More stories</a></aside></main>
            <footer>Harbour News</footer>
            <div hidden id="S:0"><div class="prose">{Paragraphs(segment)}</div></div>
            <div hidden id="menu-copy"><p>{Replies[0]}</p></div></body></html>
            """);

        Assert.All(segment, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(Replies[0], result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_iframe_written_as_self_closing_does_not_swallow_the_rest_of_the_page()
    {
        // HTML does not honour "/>" on an iframe; with no end tag anywhere after it, its text would run to the end of the page.
        var result = CleanHtml($"""
            <html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
            <noscript><iframe src="https://tags.example/ns.html?id=1" height="0" width="0" /></noscript>
            <main><h1>Boats at dawn</h1>{Paragraphs(Story)}</main>
            <footer>Harbour News</footer></body></html>
            """);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("tags.example", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_left_open_still_hides_what_follows_as_a_browser_does()
    {
        var result = CleanHtml($"""
            <html><body><main><h1>Boats at dawn</h1>{Paragraphs(Story)}</main>
            <script>var tail = "<p>Not a paragraph of the page at all, only text inside an unterminated script element.</p>";
            </body></html>
            """);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("unterminated", result.Text, StringComparison.Ordinal);
    }
}
