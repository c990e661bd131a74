using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class PdfExtractionTests
{
    private static readonly byte[] TwoColumns = PdfSamples.Article(Article.Long);

    [Fact]
    public void Two_column_article_reads_in_order_with_headers_footers_and_page_numbers_removed()
    {
        var document = Extract.Single(TwoColumns, "article.pdf");
        var text = document.Cleaned.Text;

        Assert.Equal(DocumentFormats.Pdf, document.Format);
        var f1 = Extract.F1(document, Article.Title + "\n" + Article.LongText);
        Assert.True(f1 >= 0.95, $"F1 {f1:F3}\n{text}");
        Assert.True(document.Pages.Count >= 2);
        Assert.DoesNotContain("Journal of Municipal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside Press", text, StringComparison.Ordinal);
        Assert.Contains(document.Cleaned.Removed, r => r.Kind == "page-header");
        Assert.Contains(document.Cleaned.Removed, r => r.Kind == "page-footer" || r.Kind == "page-number");

        // Reading order: every paragraph's opening words appear, in the source's order.
        var positions = Article.Long.Select(p => text.IndexOf(string.Join(' ', p.Split(' ').Take(5)), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Words_split_by_a_hyphen_at_a_line_end_are_joined()
    {
        var document = Extract.Single(TwoColumns, "article.pdf");
        var words = Article.Text.Split(' ').Where(w => w.Length >= 8 && w.All(char.IsLetter)).ToHashSet();
        var pieces = document.Cleaned.Text.Split(' ', '\n').Where(w => w.EndsWith('-') && w.Length > 3).ToList();

        Assert.Empty(pieces);
        Assert.Contains("construction", document.Cleaned.Text, StringComparison.Ordinal);
        Assert.All(words, w => Assert.Contains(w, document.Cleaned.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Title_and_author_come_from_the_document_information()
    {
        var document = Extract.Single(TwoColumns, "article.pdf");

        Assert.Equal(Article.Title, document.Cleaned.Title);
        Assert.Equal(Article.Author, document.Cleaned.Author);
    }

    [Fact]
    public void Pages_cover_the_text_in_order()
    {
        var document = Extract.Single(TwoColumns, "long.pdf");

        Assert.True(document.Pages.Count >= 2, $"{document.Pages.Count} pages");
        Assert.Equal(Enumerable.Range(1, document.Pages.Count), document.Pages.Select(p => p.Number));
        for (var i = 1; i < document.Pages.Count; i++)
        {
            Assert.True(document.Pages[i].Start >= document.Pages[i - 1].End);
        }

        Assert.True(document.Pages[^1].End <= document.Cleaned.Text.Length);
        var second = document.Cleaned.Text[document.Pages[1].Start..document.Pages[1].End];
        Assert.DoesNotContain(Article.Paragraphs[0][..40], second, StringComparison.Ordinal);
    }
}
