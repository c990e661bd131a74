using System.Net;
using MimeKit;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>E-mails written with MimeKit.</summary>
internal static class MailSamples
{
    public const string Subject = "Rainwater gardens: notes from the site visit";
    public const string QuotedText = "Could you send me what you saw at the basins last week";
    public const string SignatureText = "Maren Holt, Senior Engineer, Ostervik Municipal Works";

    /// <summary>An HTML-only reply: the article, a signature block, the quoted earlier message, a PDF attached.</summary>
    public static byte[] HtmlReplyWithPdf(byte[]? attachment = null)
    {
        var paragraphs = string.Concat(Article.Paragraphs.Take(4).Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
        var html = $"""
            <html><body>
            <div dir="ltr"><p>Hello Jonas,</p>{paragraphs}
            <div class="gmail_signature" data-smartmail="gmail_signature">{SignatureText}<br>+47 555 01 234</div></div>
            <div class="gmail_quote"><div class="gmail_attr">On Mon, 3 Jun 2024 at 09:12, Jonas Berg &lt;jonas@example.org&gt; wrote:</div>
            <blockquote class="gmail_quote" type="cite">{QuotedText}? The council meets on Thursday.</blockquote></div>
            </body></html>
            """;
        var builder = new BodyBuilder { HtmlBody = html };
        if (attachment is not null)
        {
            builder.Attachments.Add("basin-report.pdf", attachment, new ContentType("application", "pdf"));
        }

        return Write(builder.ToMessageBody());
    }

    /// <summary>A plain-text reply with '>' quotes under an attribution line and a "-- " signature.</summary>
    public static byte[] PlainReply()
    {
        var body = string.Join("\n\n", Article.Paragraphs.Take(3)) + "\n\n-- \n" + SignatureText + "\n\nOn Mon, 3 Jun 2024 at 09:12, Jonas Berg <jonas@example.org> wrote:\n> " + QuotedText + "?\n> The council meets on Thursday.\n";
        return Write(new TextPart("plain") { Text = body });
    }

    /// <summary>An HTML message with this body.</summary>
    public static byte[] Html(string html) => Write(new BodyBuilder { HtmlBody = html }.ToMessageBody());

    /// <summary>A plain-text message with this body.</summary>
    public static byte[] Plain(string body) => Write(new TextPart("plain") { Text = body });

    private static byte[] Write(MimeEntity body)
    {
        var message = new MimeMessage
        {
            Subject = Subject,
            Date = new DateTimeOffset(2024, 6, 4, 16, 45, 0, TimeSpan.FromHours(2)),
            Body = body,
        };
        message.From.Add(new MailboxAddress(Article.Author, "maren@example.org"));
        message.To.Add(new MailboxAddress("Jonas Berg", "jonas@example.org"));
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
