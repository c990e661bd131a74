using MimeKit;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Mail;

/// <summary>
/// E-mail (.eml) with MimeKit: subject as title, sender as author, date as published; the plain-text body (or else the
/// HTML body, for the HTML cleaner) with quoted replies and signature removed; attachments of supported types become
/// documents of their own.
/// </summary>
internal static class EmlExtractor
{
    public static ExtractedText Extract(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(content.ToArray(), writable: false));
        }
        catch (FormatException ex)
        {
            throw new CleaningRejectedException("corrupt", $"The e-mail cannot be parsed: {ex.Message}");
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var meta = new DocumentMetadata(
            MetadataText.Clean(message.Subject),
            MetadataText.Clean(string.IsNullOrWhiteSpace(from?.Name) ? from?.Address : from.Name),
            message.Date == DateTimeOffset.MinValue ? null : message.Date);

        var removed = new List<RemovedBlock>();
        var attachments = Attachments(message, options, budget);
        if (message.HtmlBody is { } html && string.IsNullOrWhiteSpace(message.TextBody))
        {
            // The body's text goes with it only to carry the removed blocks' places over to the cleaned text.
            var (trimmed, bodyText) = HtmlReplyTrimmer.Trim(html, removed);
            return new ExtractedText(DocumentFormats.Eml, bodyText, [trimmed], meta, [], removed, attachments);
        }

        var text = PlainReplyTrimmer.Trim(message.TextBody ?? string.Empty, removed);
        if (string.IsNullOrWhiteSpace(text) && attachments.Count == 0)
        {
            throw new CleaningRejectedException("empty", "The e-mail has no text body and no attachments.");
        }

        // A message that is only a cover for its attachments still stands as a document: its subject says what they are.
        text = string.IsNullOrWhiteSpace(text) ? meta.Title ?? string.Empty : text;
        return new ExtractedText(DocumentFormats.Eml, text, [], meta, [], removed, attachments);
    }

    private static List<EmbeddedFile> Attachments(MimeMessage message, ExtractionOptions options, ExpansionBudget budget)
    {
        var files = new List<EmbeddedFile>();
        var index = 0;
        foreach (var entity in message.Attachments)
        {
            if (++index > options.MaxEntries)
            {
                throw new CleaningRejectedException("too-many-entries", $"The e-mail has more than {options.MaxEntries:N0} attachments.");
            }

            using var buffer = new MemoryStream();
            string name;
            switch (entity)
            {
                case MessagePart { Message: { } inner }:
                    inner.WriteTo(buffer);
                    name = "message-" + index + ".eml";
                    break;
                case MimePart part when part.Content is not null:
                    part.Content.DecodeTo(buffer);
                    name = string.IsNullOrWhiteSpace(part.FileName) ? "attachment-" + index : Path.GetFileName(part.FileName.Replace('\\', '/'));
                    break;
                default:
                    continue;
            }

            budget.Spend(buffer.Length, "the e-mail's attachments");
            files.Add(new EmbeddedFile(name, buffer.ToArray(), entity.ContentType.MimeType));
        }

        return files;
    }
}
