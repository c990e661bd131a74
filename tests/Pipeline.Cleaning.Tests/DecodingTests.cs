using System.Text;

namespace Pipeline.Cleaning.Tests;

public sealed class DecodingTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Paragraph = "The village bakery opened its doors again this spring, after a long winter of repairs to the old oven and the roof above it.";

    [Fact]
    public void Decodes_undeclared_windows_1252_without_mojibake()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Café menus\n\n" + Paragraph + " The café serves crème brûlée — every day.");
        var result = Cleaner.Clean(new CleaningInput(bytes, "menu.txt"));
        Assert.Contains("crème brûlée — every day", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Honours_a_charset_declared_in_an_html_meta_tag()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"iso-8859-15\"><title>Prix</title></head><body><article><p>" + Paragraph + " Le prix est de 5 €, déjà payé.</p></article></body></html>";
        var result = Cleaner.Clean(new CleaningInput(Encoding.GetEncoding("iso-8859-15").GetBytes(html), "prix.html"));
        Assert.Contains("5 €, déjà payé", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_declaring_a_charset_dotnet_refuses_to_decode_is_read_as_if_it_declared_none()
    {
        // Found by pipeline fuzz: Encoding.GetEncoding("utf-7") throws NotSupportedException, which escaped the cleaner.
        var html = "<html><head><meta charset=\"utf-7\"><title>Prix</title></head><body><article><p>" + Paragraph + " Le prix est payé.</p></article></body></html>";
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(html), "utf7.html"));
        Assert.Contains("Le prix est payé.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Strips_a_utf8_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Opening day\n\n" + Paragraph)).ToArray();
        var result = Cleaner.Clean(new CleaningInput(bytes, "a.txt"));
        Assert.Equal("Opening day", result.Title);
        Assert.DoesNotContain('\uFEFF', result.Text);
    }

    [Fact]
    public void Rejects_binary_input()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var ex = Assert.Throws<CleaningRejectedException>(() => Cleaner.Clean(new CleaningInput(bytes, "blob.txt")));
        Assert.Equal("binary", ex.Reason);
    }

    [Fact]
    public void Rejects_text_that_is_neither_utf8_nor_western_legacy_text()
    {
        // Mostly high bytes including ones windows-1252 leaves undefined: decoding would only produce mojibake.
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 2 == 0 ? 0x81 + (i % 30) : 0x41)).ToArray();
        var ex = Assert.Throws<CleaningRejectedException>(() => Cleaner.Clean(new CleaningInput(bytes, "odd.txt")));
        Assert.Equal("invalid-encoding", ex.Reason);
    }

    [Fact]
    public void Rejects_input_over_the_configured_limit()
    {
        var cleaner = new DocumentCleaner(new CleaningOptions { MaxInputBytes = 1000 });
        var ex = Assert.Throws<CleaningRejectedException>(() => cleaner.Clean(new CleaningInput(new byte[1001], "big.txt")));
        Assert.Equal("too-large", ex.Reason);
    }

    [Fact]
    public void Rejects_a_pdf_as_unsupported()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => Cleaner.Clean(new CleaningInput("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), "paper.bin")));
        Assert.Equal("unsupported-format", ex.Reason);
    }

    [Fact]
    public void Reads_a_page_declaring_utf8_in_its_meta_tag_as_utf8_despite_an_invalid_byte()
    {
        var html = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"><title>Café à Paris</title></head><body><article><h1>Café à Paris</h1><p>" + Paragraph + " Le café est décoré à l'ancienne, près de l'église.</p><p>Prix: ")
            .Append((byte)0xE9).Concat(Encoding.UTF8.GetBytes(" 5 euros.</p></article></body></html>")).ToArray();
        var result = Cleaner.Clean(new CleaningInput(html, "cafe.html"));
        Assert.Equal("Café à Paris", result.Title);
        Assert.Contains("décoré à l'ancienne, près de l'église", result.Text, StringComparison.Ordinal);
        Assert.Contains("Prix: \uFFFD 5 euros.", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ã", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_text_declared_utf8_by_its_content_type_as_utf8_despite_an_invalid_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("Crème brûlée\n\n" + Paragraph + " The crème brûlée sells out by noon ").Append((byte)0xFF).ToArray();
        var result = Cleaner.Clean(new CleaningInput(bytes, "menu.txt", "text/plain; charset=UTF-8"));
        Assert.Equal("Crème brûlée", result.Title);
        Assert.EndsWith("The crème brûlée sells out by noon \uFFFD", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_text_with_a_utf8_byte_order_mark_and_an_invalid_byte_instead_of_rejecting_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Crème brûlée\n\n" + Paragraph + " ")).Append((byte)0xC3).Append((byte)0x28).ToArray();
        var result = Cleaner.Clean(new CleaningInput(bytes, "menu.txt"));
        Assert.Equal("Crème brûlée", result.Title);
        Assert.EndsWith("\uFFFD(", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Still_reads_undeclared_bytes_that_are_not_utf8_as_windows_1252()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><body><article><p>" + Paragraph + " Caf").Append((byte)0xE9).Concat(Encoding.UTF8.GetBytes(" au lait.</p></article></body></html>")).ToArray();
        var result = Cleaner.Clean(new CleaningInput(bytes, "cafe.html"));
        Assert.Contains("Café au lait.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_page_saved_as_txt_is_cleaned_as_html()
    {
        var html = "<!DOCTYPE html>\n<html><head><title>Bakery reopens</title></head><body><nav>Home | News</nav><article><p>" + Paragraph + "</p></article></body></html>";
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(html), "saved-page.txt"));
        Assert.Equal("Bakery reopens", result.Title);
        Assert.Contains(Paragraph, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_that_merely_mentions_tags_stays_plain_text()
    {
        var text = "Writing HTML\n\n" + Paragraph + " Start a page with <html> and a paragraph with <p>.";
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(text), "notes.txt"));
        Assert.Contains("<html>", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16_without_a_byte_order_mark_is_decoded_not_rejected_as_binary(string encoding)
    {
        var text = "Bakery news\n\n" + Paragraph + " Crème brûlée — every day.";
        var result = Cleaner.Clean(new CleaningInput(Encoding.GetEncoding(encoding).GetBytes(text), "news.txt"));
        Assert.Equal("Bakery news", result.Title);
        Assert.Contains("Crème brûlée — every day.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_with_a_few_invalid_bytes_is_kept_with_replacement_characters()
    {
        const string Russian = "Пекарня снова открылась этой весной после долгой зимы ремонта старой печи и крыши над ней. ";
        var bytes = Encoding.UTF8.GetBytes("Новости\n\n" + Russian + Russian + Russian).ToList();
        bytes.Insert(60, 0xFF);
        bytes.RemoveAt(120); // cuts a two-byte sequence in half
        var result = Cleaner.Clean(new CleaningInput(bytes.ToArray(), "news.txt"));
        Assert.Contains('\uFFFD', result.Text);
        Assert.Contains("после долгой зимы ремонта", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ascii_text_with_a_stray_byte_no_legacy_code_page_defines_is_kept()
    {
        var bytes = Encoding.ASCII.GetBytes("Opening day\n\n" + Paragraph).Append((byte)0x81).ToArray();
        var result = Cleaner.Clean(new CleaningInput(bytes, "a.txt"));
        Assert.Contains(Paragraph, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_only_invisible_characters_is_rejected_as_empty()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\u200b\u200c\u200d\u2060\ufeff \n", 40)));
        var ex = Assert.Throws<CleaningRejectedException>(() => Cleaner.Clean(new CleaningInput(bytes, "blank.txt")));
        Assert.Equal("empty", ex.Reason);
    }
}
