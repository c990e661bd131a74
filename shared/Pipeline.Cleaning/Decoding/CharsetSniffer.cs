using System.Text;

namespace Pipeline.Cleaning.Decoding;

/// <summary>Finds a declared charset in a content type or in the first bytes of an HTML page.</summary>
internal static class CharsetSniffer
{
    public static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : Clean(contentType.AsSpan(at + 8));
    }

    public static string? FromHtmlMeta(ReadOnlySpan<byte> bytes)
    {
        // The HTML spec prescans the first 1024 bytes; real pages often put the meta later, so look a little further.
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        var text = Encoding.Latin1.GetString(head);
        var at = text.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var i = at + 7;
            while (i < text.Length && text[i] is ' ' or '=' or '"' or '\'')
            {
                i++;
            }

            var value = Clean(text.AsSpan(i));
            if (value is not null)
            {
                // A page cannot declare UTF-16 in its own bytes (it would not be readable as ASCII); the HTML spec reads it as UTF-8.
                return value.StartsWith("utf-16", StringComparison.Ordinal) ? "utf-8" : value;
            }

            at = text.IndexOf("charset", i, StringComparison.OrdinalIgnoreCase);
        }

        return null;
    }

    private static string? Clean(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \"'");
        var end = rest.IndexOfAny(" \"';>,/\r\n\t");
        var name = (end < 0 ? rest : rest[..end]).Trim();
        if (name.Length is 0 or > 40)
        {
            return null;
        }

        // Browsers treat latin-1 and ascii labels as windows-1252, which is what such pages actually contain.
        var s = name.ToString().ToLowerInvariant();
        return s is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" ? "windows-1252" : s;
    }
}
