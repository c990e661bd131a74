using System.Text;
using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class MarkupExtractionTests
{
    [Fact]
    public void Epub_chapters_come_in_spine_order_with_the_package_metadata()
    {
        var book = Extract.Single(EpubSamples.Book(), "gardens.epub");
        var text = book.Cleaned.Text;

        Assert.Equal(DocumentFormats.Epub, book.Format);
        Assert.True(Extract.F1(book, EpubSamples.Text) >= 0.95, $"F1 {Extract.F1(book, EpubSamples.Text):F3}\n{text}");
        Assert.Equal(Article.Title, book.Cleaned.Title);
        Assert.Equal(Article.Author, book.Cleaned.Author);
        var first = text.IndexOf(Article.Paragraphs[0][..30], StringComparison.Ordinal);
        var last = text.IndexOf(Article.Paragraphs[^1][..30], StringComparison.Ordinal);
        Assert.True(first >= 0 && last > first, text);
    }

    [Fact]
    public void Markdown_is_parsed_tables_links_and_code_included()
    {
        const string markdown = """
            ---
            title: Basin maintenance
            author: Maren Holt
            ---
            # Basin maintenance

            Leaves clog the inlets in **October**, so the council [sweeps them](https://example.org/sweeping) weekly.

            | Month | Task |
            |-------|------|
            | October | Sweep the inlets |
            | April | Replace the gravel |

            - Check the overflow pipe
            - Photograph each basin

            ```
            flow_litres = area * rainfall
            ```
            """;
        var document = Extract.Single(Encoding.UTF8.GetBytes(markdown), "maintenance.md");
        var lines = document.Cleaned.Text.Split('\n');

        Assert.Equal(DocumentFormats.Markdown, document.Format);
        Assert.Equal("Basin maintenance", document.Cleaned.Title);
        Assert.Equal("Maren Holt", document.Cleaned.Author);
        Assert.Contains("Leaves clog the inlets in October, so the council sweeps them weekly.", lines);
        Assert.Contains("October Sweep the inlets", lines);
        Assert.Contains("Check the overflow pipe", lines);
        Assert.Contains("flow_litres = area * rainfall", lines);
        Assert.DoesNotContain("https://example.org", document.Cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("|", document.Cleaned.Text, StringComparison.Ordinal);
    }
}
