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
