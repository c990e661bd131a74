using Pipeline.Cleaning;
using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class FormatSnifferTests
{
    [Fact]
    public void Bytes_decide_before_the_file_name()
    {
        var pdf = PdfSamples.Article(Article.Paragraphs);

        Assert.Equal(DocumentFormats.Pdf, FormatSniffer.Detect(pdf, "notes.txt", null));
        Assert.Equal(DocumentFormats.Pdf, FormatSniffer.Detect(pdf, "download", "application/octet-stream"));
    }

    [Fact]
    public void The_content_type_decides_between_text_formats_before_the_extension()
    {
        var text = "# Heading\n\nSome words."u8.ToArray();

        Assert.Equal(DocumentFormats.Markdown, FormatSniffer.Detect(text, "page", "text/markdown; charset=utf-8"));
        Assert.Equal(DocumentFormats.Markdown, FormatSniffer.Detect(text, "notes.md", null));
        Assert.Equal(DocumentFormats.Text, FormatSniffer.Detect(text, "notes.txt", null));
        Assert.Equal(DocumentFormats.Html, FormatSniffer.Detect("<!DOCTYPE html><html><body>x</body></html>"u8.ToArray(), "page", null));
    }

    [Fact]
    public void An_email_is_recognised_by_its_header_fields()
    {
        var mail = "From: Ann <ann@example.org>\r\nTo: bo@example.org\r\nSubject: Basins\r\n\r\nHello."u8.ToArray();

        Assert.Equal(DocumentFormats.Eml, FormatSniffer.Detect(mail, "message", null));
        Assert.Equal(DocumentFormats.Text, FormatSniffer.Detect("Note: this is not mail\nFrom: nobody\n\nText"u8.ToArray(), "note", null));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "PNG")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, "legacy Office")]
    public void Known_binary_formats_are_rejected_by_name(byte[] bytes, string named)
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => FormatSniffer.Detect(bytes, "file.bin", null));

        Assert.Equal("unsupported-format", ex.Reason);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
