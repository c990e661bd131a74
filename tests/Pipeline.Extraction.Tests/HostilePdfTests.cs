using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class HostilePdfTests
{
    [Fact]
    public void A_truncated_pdf_is_rejected_as_corrupt_rather_than_read_in_part()
    {
        var whole = PdfSamples.Article(Article.Long);

        Assert.Equal("corrupt", Extract.Rejection(whole[..(whole.Length * 2 / 3)], "cut.pdf"));
    }

    [Fact]
    public void A_pdf_whose_objects_point_at_each_other_is_rejected_not_looped_on()
    {
        Assert.Contains(Extract.Rejection(HandMadePdf.ObjectLoop(), "loop.pdf"), new[] { "corrupt", "no-text-layer" });
    }

    [Fact]
    public void A_pdf_whose_objects_point_at_each_other_inside_a_compressed_object_stream_is_rejected_without_crashing()
    {
        // A ring PdfPig would follow until the stack overflows (which kills the process) is found before PdfPig sees it.
        var pdf = HandMadePdf.PackedObjectLoop();
        var found = Assert.Throws<Pipeline.Cleaning.CleaningRejectedException>(() => Pipeline.Extraction.Pdf.ReferenceLoops.ThrowIfAny(pdf));
        Assert.Contains("loop of references", found.Message, StringComparison.Ordinal);
        Assert.Equal("corrupt", Extract.Rejection(pdf, "packed-loop.pdf"));
    }

    [Fact]
    public void A_pdf_whose_object_stream_length_is_packed_in_that_stream_is_rejected_without_crashing()
    {
        Assert.Equal("corrupt", Extract.Rejection(HandMadePdf.PackedStreamLengthLoop(), "stream-length.pdf"));
    }

    [Fact]
    public void A_pdf_whose_object_stream_is_said_to_be_packed_inside_itself_is_rejected_without_crashing()
    {
        Assert.Equal("corrupt", Extract.Rejection(HandMadePdf.ObjectStreamInsideItself(), "inside-itself.pdf"));
    }

    [Fact]
    public void A_pdf_whose_page_tree_contains_itself_is_rejected_or_read_without_hanging()
    {
        var error = Record.Exception(() => Extract.Run(HandMadePdf.PageTreeLoop(), "tree.pdf"));
        Assert.True(error is null or Pipeline.Cleaning.CleaningRejectedException, error?.ToString());
    }

    [Fact]
    public void A_page_of_tens_of_thousands_of_letters_is_read_whole_without_the_superlinear_layout_analysis()
    {
        // Found by pipeline fuzz: a 400 KB page ran the layout analysis for over 10 s. Half that page now takes well under.
        var lines = Enumerable.Range(0, 3000).Select(i => $"(Line {i} of the oversized page mentions ketamine {i * 7} times) Tj T*");
        var content = "BT /F1 10 Tf 12 TL 40 760 Td\n" + string.Join('\n', lines) + "\nET";
        var pdf = HandMadePdf.Write(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var text = Extract.Single(pdf, "oversized.pdf").Cleaned.Text;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"{clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("Line 0 of the oversized page", text, StringComparison.Ordinal);
        Assert.Contains("Line 1500 of the oversized page mentions ketamine 10500 times", text, StringComparison.Ordinal);
        Assert.Contains("Line 2999 of the oversized page", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Line 10 of", StringComparison.Ordinal) < text.IndexOf("Line 2000 of", StringComparison.Ordinal), "The lines keep their order.");
    }

    [Fact]
    public void A_pdf_with_a_user_password_is_rejected_as_encrypted()
    {
        Assert.Equal("encrypted", Extract.Rejection(HandMadePdf.PasswordProtected(), "secret.pdf"));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_rejected_as_such()
    {
        Assert.Equal("no-text-layer", Extract.Rejection(HandMadePdf.NoText(), "scan.pdf"));
    }

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_rejected_as_corrupt()
    {
        Assert.Equal("corrupt", Extract.Rejection("just some words, not a PDF at all"u8.ToArray(), "fake.pdf"));
    }
}
