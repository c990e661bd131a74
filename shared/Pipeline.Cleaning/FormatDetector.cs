namespace Pipeline.Cleaning;

/// <summary>Decides between HTML, Markdown and plain text from the content type, the file name, then the bytes.</summary>
internal static class FormatDetector
{
    public static DocumentFormat Detect(CleaningInput input, ReadOnlySpan<byte> bytes)
    {
        var type = input.ContentType;
        if (!string.IsNullOrEmpty(type))
        {
            if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentFormat.Html;
            }

            if (type.Contains("markdown", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentFormat.Markdown;
            }

            if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentFormat.PlainText;
            }

            if (!type.Contains("octet-stream", StringComparison.OrdinalIgnoreCase) && !type.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                throw new CleaningRejectedException("unsupported-format", $"Content type '{type}' is neither HTML nor text.");
            }
        }

        var ext = Path.GetExtension(input.FileName ?? string.Empty).ToLowerInvariant();
        switch (ext)
        {
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return DocumentFormat.Html;
            case ".md" or ".markdown":
                return DocumentFormat.Markdown;
            case ".txt" or ".text":
                // A page saved as .txt is still a page: trust the bytes when they are unmistakably an HTML document.
                return IsHtmlDocument(bytes) ? DocumentFormat.Html : DocumentFormat.PlainText;
            case ".pdf" or ".docx" or ".doc" or ".png" or ".jpg" or ".jpeg" or ".gif" or ".zip" or ".exe":
                throw new CleaningRejectedException("unsupported-format", $"Files of type '{ext}' are not supported.");
        }

        return LooksLikeHtml(bytes) ? DocumentFormat.Html : DocumentFormat.PlainText;
    }

    private static bool IsHtmlDocument(ReadOnlySpan<byte> bytes)
    {
        var head = SkipBomAndSpace(bytes[..Math.Min(bytes.Length, 1024)]);
        return head.StartsWith("<!DOCTYPE html"u8) || head.StartsWith("<!doctype html"u8) || head.StartsWith("<html"u8) || head.StartsWith("<HTML"u8)
            || (head.StartsWith("<?xml"u8) && head.IndexOf("<html"u8) >= 0);
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        head = head.TrimStart(" \t\r\n"u8);
        return head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..].TrimStart(" \t\r\n"u8) : head;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = SkipBomAndSpace(bytes[..Math.Min(bytes.Length, 1024)]);
        return head.Length > 0 && head[0] == (byte)'<' &&
            (head.IndexOf("<html"u8) >= 0 || head.IndexOf("<!DOCTYPE"u8) >= 0 || head.IndexOf("<!doctype"u8) >= 0 || head.IndexOf("<head"u8) >= 0 || head.IndexOf("<body"u8) >= 0 || head.IndexOf("<div"u8) >= 0 || head.IndexOf("<p"u8) >= 0);
    }
}
