using System.Text;
using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class ArchiveExtractionTests
{
    private static byte[] Everything() => ArchiveSamples.Zip(
    [
        ("reports/article.pdf", PdfSamples.Article(Article.Long)),
        ("reports/article.docx", OfficeSamples.Docx(Article.Paragraphs)),
        ("deck.pptx", OfficeSamples.Pptx(OfficeSamples.Deck)),
        ("mail/reply.eml", MailSamples.PlainReply()),
        ("gardens.epub", EpubSamples.Book()),
        ("notes.txt", Encoding.UTF8.GetBytes(Article.Text)),
        ("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ]);

    [Fact]
    public void Every_supported_entry_of_a_zip_becomes_a_document_named_by_its_path()
    {
        var outcome = Extract.Run(Everything(), "all.zip");

        Assert.Equal(
            ["reports/article.pdf", "reports/article.docx", "deck.pptx", "mail/reply.eml", "gardens.epub", "notes.txt"],
            outcome.Documents.Select(d => d.EntryPath));
        Assert.Equal(
            [DocumentFormats.Pdf, DocumentFormats.Docx, DocumentFormats.Pptx, DocumentFormats.Eml, DocumentFormats.Epub, DocumentFormats.Text],
            outcome.Documents.Select(d => d.Format));
        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("photo.png", "unsupported-format"), (skipped.Path, skipped.Reason));
    }

    [Fact]
    public void A_tar_gz_is_read_like_a_zip()
    {
        var tar = ArchiveSamples.TarGz([("a/notes.txt", Encoding.UTF8.GetBytes(Article.Text)), ("b/report.pdf", PdfSamples.Article(Article.Paragraphs))]);
        var outcome = Extract.Run(tar, "bundle.tar.gz");

        Assert.Equal(["a/notes.txt", "b/report.pdf"], outcome.Documents.Select(d => d.EntryPath));
        Assert.True(Extract.F1(outcome.Documents[0], Article.Text) >= 0.95);
    }

    [Fact]
    public void Entries_climbing_out_with_dot_dot_reject_the_archive()
    {
        var zip = ArchiveSamples.Zip([("ok.txt", "fine"u8.ToArray()), ("../../etc/evil.txt", "gotcha"u8.ToArray())]);

        Assert.Equal("path-traversal", Extract.Rejection(zip, "evil.zip"));
    }

    [Fact]
    public void An_entry_whose_data_ends_before_its_declared_size_rejects_the_archive_as_corrupt()
    {
        // Found by pipeline fuzz: the entry's inflated data ran out before its declared length (EndOfStreamException).
        var zip = ArchiveSamples.Zip([("short.txt", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Ketamine and pain. ", 40))))]);
        var central = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        var local = zip.AsSpan().IndexOf("PK\u0003\u0004"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(central + 24), 5000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(local + 22), 5000);

        Assert.Equal("corrupt", Extract.Rejection(zip, "short.zip"));
    }

    [Fact]
    public void Ten_thousand_tiny_entries_are_rejected_as_too_many()
    {
        var zip = ArchiveSamples.Zip(Enumerable.Range(0, 10_000).Select(i => ($"n/{i}.txt", "x"u8.ToArray())));

        Assert.Equal("too-many-entries", Extract.Rejection(zip, "many.zip"));
    }

    [Fact]
    public void A_zip_bomb_is_rejected_without_inflating_it()
    {
        var zeros = new byte[64 * 1024 * 1024];
        var zip = ArchiveSamples.Zip([("big.txt", zeros)], System.IO.Compression.CompressionLevel.SmallestSize);

        Assert.True(zip.Length < 1024 * 1024);
        Assert.Equal("zip-bomb", Extract.Rejection(zip, "bomb.zip"));
    }

    [Fact]
    public void Expansion_past_the_configured_total_is_rejected()
    {
        var text = Encoding.UTF8.GetBytes(Article.Text);
        var zip = ArchiveSamples.Zip(Enumerable.Range(0, 20).Select(i => ($"{i}.txt", text)));
        var small = new DocumentExtractor(new Pipeline.Cleaning.DocumentCleaner(), new ExtractionOptions { MaxExpandedBytes = 10 * text.Length });

        var ex = Assert.Throws<Pipeline.Cleaning.CleaningRejectedException>(() => small.Process(new Pipeline.Cleaning.CleaningInput(zip, "big.zip")));
        Assert.Equal("too-large-expanded", ex.Reason);
    }

    [Fact]
    public void Archives_nested_deeper_than_two_are_skipped_with_a_reason()
    {
        var text = Encoding.UTF8.GetBytes(Article.Text);
        var inner = ArchiveSamples.Zip([("deep.txt", text)]);
        var middle = ArchiveSamples.Zip([("level2.txt", text), ("inner.zip", inner)]);
        var outer = ArchiveSamples.Zip([("level1.txt", text), ("middle.zip", middle)]);

        var outcome = Extract.Run(outer, "outer.zip");

        Assert.Equal(["level1.txt", "middle.zip/level2.txt"], outcome.Documents.Select(d => d.EntryPath));
        Assert.Equal("middle.zip", outcome.Documents[1].ParentPath);
        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("middle.zip/inner.zip", "nesting-too-deep"), (skipped.Path, skipped.Reason));
    }

    [Fact]
    public void An_archive_with_nothing_readable_is_rejected()
    {
        Assert.Equal("no-documents", Extract.Rejection(ArchiveSamples.Zip([("a.png", [1, 2, 3])]), "pictures.zip"));
    }
}
