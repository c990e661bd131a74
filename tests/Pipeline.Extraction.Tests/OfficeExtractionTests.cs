using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class OfficeExtractionTests
{
    private static readonly string DocxSource = string.Join("\n", [Article.Title, .. Article.Paragraphs, "Lessons from the first winters", "Sweep the inlets every week in autumn", "Replace the gravel each spring", .. OfficeSamples.TableRows.Select(r => string.Join(" ", r))]);

    [Fact]
    public void Word_document_keeps_headings_paragraphs_list_items_and_table_rows()
    {
        var document = Extract.Single(OfficeSamples.Docx(Article.Paragraphs), "report.docx");
        var lines = document.Cleaned.Text.Split('\n');

        Assert.Equal(DocumentFormats.Docx, document.Format);
        Assert.True(Extract.F1(document, DocxSource) >= 0.95, $"F1 {Extract.F1(document, DocxSource):F3}\n{document.Cleaned.Text}");
        Assert.True(lines.Contains("Ostervik 14 minus 31 percent"), string.Join("\n", document.Cleaned.Removed.Select(r => r.Kind + ": " + r.Text)));
        Assert.Contains("Sweep the inlets every week in autumn", lines);
        Assert.Contains("Lessons from the first winters", lines);
    }

    [Fact]
    public void Word_core_properties_give_title_author_and_date()
    {
        var document = Extract.Single(OfficeSamples.Docx(Article.Paragraphs), "report.docx");

        Assert.Equal(Article.Title, document.Cleaned.Title);
        Assert.Equal(Article.Author, document.Cleaned.Author);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.Zero), document.Cleaned.Published);
    }

    [Fact]
    public void Slides_give_titles_bullets_and_notes_in_order_with_a_page_per_slide()
    {
        var document = Extract.Single(OfficeSamples.Pptx(OfficeSamples.Deck), "deck.pptx");
        var text = document.Cleaned.Text;

        Assert.Equal(DocumentFormats.Pptx, document.Format);
        Assert.True(Extract.F1(document, OfficeSamples.DeckText) >= 0.95, $"F1 {Extract.F1(document, OfficeSamples.DeckText):F3}\n{text}");
        Assert.Contains("pupils from the secondary school", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Why rainwater gardens", StringComparison.Ordinal) < text.IndexOf("Results from Ostervik", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.Number));
        Assert.Contains("Next steps", text[document.Pages[2].Start..document.Pages[2].End], StringComparison.Ordinal);
        Assert.Equal("Rainwater gardens: first results", document.Cleaned.Title);
    }

    [Fact]
    public void A_word_file_that_is_a_zip_bomb_is_rejected_before_inflating()
    {
        Assert.Equal("zip-bomb", Extract.Rejection(ArchiveSamples.DocxBomb(), "bomb.docx"));
    }

    [Fact]
    public void A_broken_word_package_is_rejected_as_corrupt()
    {
        var zip = ArchiveSamples.Zip([("word/document.xml", "<w:document>not closed"u8.ToArray()), ("[Content_Types].xml", "<Types/>"u8.ToArray())]);

        Assert.Equal("corrupt", Extract.Rejection(zip, "broken.docx"));
    }
}
