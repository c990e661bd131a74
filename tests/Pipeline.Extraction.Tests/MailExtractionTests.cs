using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

public sealed class MailExtractionTests
{
    private static readonly string Source = string.Join("\n", ["Hello Jonas,", .. Article.Paragraphs.Take(4)]);

    [Fact]
    public void Html_mail_keeps_the_message_and_removes_quote_and_signature_with_their_kinds()
    {
        var outcome = Extract.Run(MailSamples.HtmlReplyWithPdf(), "reply.eml");
        var mail = Assert.Single(outcome.Documents);

        Assert.Equal(DocumentFormats.Eml, mail.Format);
        Assert.True(Extract.F1(mail, MailSamples.Subject + "\n" + Source) >= 0.95, $"F1 {Extract.F1(mail, Source):F3}\n{mail.Cleaned.Text}");
        Assert.DoesNotContain(MailSamples.QuotedText, mail.Cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Senior Engineer", mail.Cleaned.Text, StringComparison.Ordinal);
        Assert.Contains(mail.Cleaned.Removed, r => r.Kind == "quoted-reply" && r.Text.Contains(MailSamples.QuotedText, StringComparison.Ordinal));
        Assert.Contains(mail.Cleaned.Removed, r => r.Kind == "signature" && r.Text.Contains("Senior Engineer", StringComparison.Ordinal));
    }

    [Fact]
    public void Subject_sender_and_date_become_title_author_and_published()
    {
        var mail = Extract.Single(MailSamples.PlainReply(), "reply.eml");

        Assert.Equal(MailSamples.Subject, mail.Cleaned.Title);
        Assert.Equal(Article.Author, mail.Cleaned.Author);
        Assert.Equal(new DateTimeOffset(2024, 6, 4, 14, 45, 0, TimeSpan.Zero), mail.Cleaned.Published);
    }

    [Fact]
    public void Plain_text_mail_loses_its_quoted_lines_and_signature()
    {
        var mail = Extract.Single(MailSamples.PlainReply(), "reply.eml");

        Assert.True(Extract.F1(mail, MailSamples.Subject + "\n" + string.Join("\n", Article.Paragraphs.Take(3))) >= 0.95, mail.Cleaned.Text);
        Assert.DoesNotContain("council meets", mail.Cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Senior Engineer", mail.Cleaned.Text, StringComparison.Ordinal);
        Assert.Contains(mail.Cleaned.Removed, r => r.Kind == "quoted-reply");
        Assert.Contains(mail.Cleaned.Removed, r => r.Kind == "signature");
    }

    [Fact]
    public void A_pdf_attachment_becomes_its_own_document_linked_to_the_message()
    {
        var outcome = Extract.Run(MailSamples.HtmlReplyWithPdf(PdfSamples.Article(Article.Long)), "reply.eml");

        Assert.Equal(2, outcome.Documents.Count);
        Assert.Null(outcome.Documents[0].EntryPath);
        var pdf = outcome.Documents[1];
        Assert.Equal("basin-report.pdf", pdf.EntryPath);
        Assert.Null(pdf.ParentPath);
        Assert.Equal(DocumentFormats.Pdf, pdf.Format);
        Assert.True(Extract.F1(pdf, Article.Title + "\n" + Article.LongText) >= 0.95);
    }
}
