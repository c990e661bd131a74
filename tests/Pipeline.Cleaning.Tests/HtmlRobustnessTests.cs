using System.Diagnostics;
using System.Text;

using static Pipeline.Cleaning.Tests.HtmlPages;

namespace Pipeline.Cleaning.Tests;

public sealed class HtmlRobustnessTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Paragraph = "The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late.";

    [Fact]
    public void Survives_deeply_nested_markup_quickly()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>").Append(Paragraph).Append("</p></body></html>");
        var clock = Stopwatch.StartNew();
        var result = CleanHtml(html.ToString());
        Assert.Contains("harbour master", result.Text, StringComparison.Ordinal);
        // Generous for a shared CI machine; a quadratic walk over this input would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Reads_malformed_markup_with_unclosed_tags_and_stray_brackets()
    {
        var result = CleanHtml("<html><body><div class=content><p>" + Paragraph + "<p>Second < third & fourth <b>bold <i>both</b> end</div></span></table>");
        Assert.Contains("harbour master", result.Text, StringComparison.Ordinal);
        Assert.Contains("Second < third & fourth bold both end", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_script_only_page_as_empty_after_cleaning()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => CleanHtml("<html><head><script>var p = '<p>not text</p>';</script></head><body><script>document.write('x')</script><noscript></noscript></body></html>"));
        Assert.Equal("empty-after-cleaning", ex.Reason);
    }

    [Fact]
    public void Rejects_empty_input()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => Cleaner.Clean(new CleaningInput(Array.Empty<byte>(), "a.html")));
        Assert.Equal("empty", ex.Reason);
    }

    [Fact]
    public void Handles_an_unterminated_comment_and_attribute()
    {
        var result = CleanHtml("<html><body><article><p>" + Paragraph + "</p><p title=\"never closed>tail</article><!-- open comment");
        Assert.Contains("harbour master", result.Text, StringComparison.Ordinal);
    }
}
