using System.IO.Compression;
using Pipeline.Cleaning;

namespace Pipeline.Extraction;

/// <summary>
/// Decides a file's format: its bytes first (magic numbers, the entries of a zip), then the HTTP content type, then
/// the file name's extension. Known binary formats we do not read are rejected by name.
/// </summary>
internal static class FormatSniffer
{
    public static string Detect(ReadOnlySpan<byte> bytes, string? fileName, string? contentType)
    {
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentFormats.Pdf;
        }

        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return ZipFormat(bytes.ToArray());
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || IsTar(bytes))
        {
            return DocumentFormats.Tar;
        }

        if (BinaryName(bytes) is { } binary)
        {
            throw new CleaningRejectedException("unsupported-format", $"The document is {binary}, which is not supported.");
        }

        var media = MediaType(contentType);
        switch (media)
        {
            case "application/pdf":
                throw new CleaningRejectedException("corrupt", "The document is served as a PDF but has no PDF header.");
            case "message/rfc822":
                return DocumentFormats.Eml;
            case "text/markdown" or "text/x-markdown":
                return DocumentFormats.Markdown;
            case "text/html" or "application/xhtml+xml":
                return DocumentFormats.Html;
        }

        var name = (fileName ?? string.Empty).ToLowerInvariant();
        switch (Path.GetExtension(name))
        {
            case ".eml":
                return DocumentFormats.Eml;
            case ".md" or ".markdown":
                return DocumentFormats.Markdown;
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return DocumentFormats.Html;
            case ".pdf" or ".docx" or ".pptx" or ".epub" or ".zip" or ".tgz" or ".gz" or ".tar":
                throw new CleaningRejectedException("corrupt", $"The file is named '{Path.GetExtension(name)}' but its bytes are not of that format.");
        }

        if (media is null or "text/plain" && LooksLikeMail(bytes))
        {
            return DocumentFormats.Eml;
        }

        // Plain text or HTML: the cleaner's own detector tells them apart (and rejects other binaries).
        return media is not "text/plain" && LooksLikeHtml(bytes) ? DocumentFormats.Html : DocumentFormats.Text;
    }

    public static string? MediaType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null : contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    private static string ZipFormat(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                if (names.Count > 100_000)
                {
                    break;
                }
            }

            if (names.Contains("word/document.xml"))
            {
                return DocumentFormats.Docx;
            }

            if (names.Contains("ppt/presentation.xml"))
            {
                return DocumentFormats.Pptx;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                throw new CleaningRejectedException("unsupported-format", "The document is an Excel workbook (.xlsx), which is not supported.");
            }

            if (names.Contains("META-INF/container.xml") && (names.Contains("mimetype") || names.Any(n => n.EndsWith(".opf", StringComparison.OrdinalIgnoreCase))))
            {
                return DocumentFormats.Epub;
            }

            return DocumentFormats.Zip;
        }
        catch (InvalidDataException ex)
        {
            throw new CleaningRejectedException("corrupt", $"The zip container cannot be read: {ex.Message}");
        }
    }

    private static bool IsTar(ReadOnlySpan<byte> bytes) => bytes.Length >= 512 && bytes.Slice(257, 5).SequenceEqual("ustar"u8);

    private static string? BinaryName(ReadOnlySpan<byte> bytes) => bytes switch
    {
        _ when bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) => "a legacy Office file (.doc, .xls, .ppt, .msg)",
        _ when bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) => "a PNG image",
        _ when bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "a JPEG image",
        _ when bytes.StartsWith("GIF8"u8) => "a GIF image",
        _ when bytes.StartsWith("Rar!"u8) => "a RAR archive",
        _ when bytes.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) => "a 7-Zip archive",
        _ when bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) => "an executable",
        _ when bytes.StartsWith("{\\rtf"u8) => "an RTF document",
        _ => null,
    };

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)].TrimStart(" \t\r\n\uFEFF"u8);
        return head.Length > 0 && head[0] == (byte)'<' &&
            (head.IndexOf("<html"u8) >= 0 || head.IndexOf("<!DOCTYPE"u8) >= 0 || head.IndexOf("<!doctype"u8) >= 0 || head.IndexOf("<body"u8) >= 0);
    }

    /// <summary>An RFC 5322 message starts with header fields; From and one of Subject/Date/Message-ID must be among them.</summary>
    private static bool LooksLikeMail(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var from = false;
        var other = false;
        var lines = 0;
        foreach (var range in head.Split((byte)'\n'))
        {
            var line = head[range].TrimEnd((byte)'\r');
            if (line.IsEmpty)
            {
                break;
            }

            if (++lines > 200)
            {
                return false;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[..colon].IndexOfAny(" \t"u8) >= 0)
            {
                return false;
            }

            var field = System.Text.Encoding.ASCII.GetString(line[..colon]).ToLowerInvariant();
            from |= field == "from";
            other |= field is "subject" or "date" or "message-id" or "to" or "received";
        }

        return from && other && lines >= 2;
    }
}
