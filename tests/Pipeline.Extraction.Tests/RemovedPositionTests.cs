using Pipeline.Cleaning;
using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

/// <summary>What an extractor removes itself (running lines, quoted replies, signatures) is placed in the cleaned text too.</summary>
public sealed class RemovedPositionTests
{
    private static void AssertAtLineEnds(CleaningResult result)
    {
        foreach (var block in result.Removed)
        {
            Assert.True(block.Offset is { } at && at >= 0 && at <= result.Text.Length && (at == 0 || at == result.Text.Length || result.Text[at] == '\n'),
                $"{block.Kind} '{block.Text}' at {block.Offset} of {result.Text.Length}.");
        }
    }

    [Fact]
    public void Running_headers_and_footers_of_a_pdf_stand_at_the_page_breaks_in_page_order()
    {
        var document = Extract.Single(PdfSamples.Article(Article.Long), "article.pdf");
        var cleaned = document.Cleaned;
        var running = cleaned.Removed.Where(r => r.Kind is "page-header" or "page-footer" or "page-number").ToList();

        AssertAtLineEnds(cleaned);
        Assert.True(running.Count >= 4, $"{running.Count} running lines");
        Assert.Equal(0, running[0].Offset);
        Assert.Equal(cleaned.Text.Length, running[^1].Offset);
        Assert.Equal(running.Select(r => r.Offset).Order(), running.Select(r => r.Offset));

        // The second page's header stands after every line that ended before that page began.
        var secondHeader = running.Where(r => r.Kind == "page-header").ElementAt(1);
        Assert.True(secondHeader.Offset >= cleaned.Text.LastIndexOf('\n', document.Pages[1].Start), $"{secondHeader.Offset} before page 2 at {document.Pages[1].Start}");
    }

    [Fact]
    public void A_quote_between_two_paragraphs_of_a_plain_mail_stands_after_the_first_and_the_signature_at_the_end()
    {
        var first = Article.Paragraphs[0];
        var second = Article.Paragraphs[1];
        var body = $"{first}\n\n> Did the council agree to the new bridge?\n> It meets on Thursday.\n\n{second}\n\n-- \nMaren Olsen\nSenior Engineer\n";

        var cleaned = Extract.Single(MailSamples.Plain(body), "reply.eml").Cleaned;

        Assert.Equal(first + "\n\n" + second, cleaned.Text);
        Assert.Equal(first.Length, cleaned.Removed.Single(r => r.Kind == "quoted-reply").Offset);
        Assert.Equal(cleaned.Text.Length, cleaned.Removed.Single(r => r.Kind == "signature").Offset);
    }

    [Fact]
    public void A_quote_between_two_paragraphs_of_an_html_mail_stands_after_the_first_and_the_signature_at_the_end()
    {
        var first = Article.Paragraphs[0];
        var second = Article.Paragraphs[1];
        var html = $"""
            <html><body><p>{System.Net.WebUtility.HtmlEncode(first)}</p>
            <blockquote type="cite">Did the council agree to the new bridge? It meets on Thursday.</blockquote>
            <p>{System.Net.WebUtility.HtmlEncode(second)}</p>
            <div class="gmail_signature">Maren Olsen<br>Senior Engineer</div></body></html>
            """;

        var cleaned = Extract.Single(MailSamples.Html(html), "reply.eml").Cleaned;

        Assert.Equal(first + "\n\n" + second, cleaned.Text);
        Assert.Equal(first.Length, cleaned.Removed.Single(r => r.Kind == "quoted-reply").Offset);
        Assert.Equal(cleaned.Text.Length, cleaned.Removed.Single(r => r.Kind == "signature").Offset);
    }
}
