using System.Text;

namespace Pipeline.Cleaning.Decoding;

/// <summary>
/// Turns raw bytes into text: BOM first, then UTF-16 recognised by its zero bytes, then a declared charset, then
/// UTF-8, then windows-1252. A document that declares UTF-8 (BOM, content type or meta charset) is read as UTF-8 even
/// with a bad byte in it, which becomes U+FFFD, as browsers do: guessing windows-1252 instead would garble every other
/// non-ASCII character of the page. Undeclared UTF-8 with a few invalid bytes is decoded the same way, never rejected.
/// </summary>
internal static class TextDecoder
{
    static TextDecoder()
    {
        // Legacy code pages (windows-1252, shift_jis, gbk...) live in a provider that must be registered once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType, bool sniffHtmlMeta)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes[2..]);
        }

        if (Utf16Sniffer.Detect(bytes) is { } utf16WithoutBom)
        {
            return utf16WithoutBom.GetString(bytes[..(bytes.Length & ~1)]);
        }

        BinarySniffer.ThrowIfBinary(bytes);

        var declared = CharsetSniffer.FromContentType(contentType);
        if (declared is null && sniffHtmlMeta)
        {
            declared = CharsetSniffer.FromHtmlMeta(bytes);
        }

        var encoding = declared is null ? null : TryGetEncoding(declared);
        if (encoding?.CodePage == Encoding.UTF8.CodePage)
        {
            // The default UTF-8 decoder replaces each invalid sequence with U+FFFD.
            return Encoding.UTF8.GetString(bytes);
        }

        if (encoding is not null)
        {
            // A page that declares latin-1 but is valid UTF-8 with multi-byte sequences is almost always mislabelled UTF-8.
            if (encoding.CodePage is 1252 or 28591 && HasMultiByteUtf8(bytes) && IsValidUtf8(bytes))
            {
                return Encoding.UTF8.GetString(bytes);
            }

            return encoding.GetString(bytes);
        }

        if (IsValidUtf8(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Undeclared (or wrongly declared) and not valid UTF-8: UTF-8 text with a few damaged bytes keeps its text;
        // windows-1252 is the web's legacy default when the bytes look like text in it; anything else would be mojibake.
        var (multiByte, invalid) = CountUtf8Sequences(bytes);
        if (multiByte > invalid)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        if (LooksLikeWindows1252(bytes))
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }

        return DecodeLenientUtf8(bytes) ?? throw new CleaningRejectedException("invalid-encoding", "The document is neither UTF-8 nor plausible windows-1252 text, and declares no usable charset.");
    }

    /// <summary>UTF-8 with U+FFFD for invalid bytes, unless invalid sequences outnumber valid multi-byte ones and are more than a few.</summary>
    private static string? DecodeLenientUtf8(ReadOnlySpan<byte> bytes)
    {
        var (multiByte, invalid) = CountUtf8Sequences(bytes);
        return invalid <= multiByte || invalid <= Math.Max(3, bytes.Length / 100) ? Encoding.UTF8.GetString(bytes) : null;
    }

    private static (int MultiByte, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            if (System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (multiByte, invalid);
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0xC2, (byte)0xF4) >= 0;

    private static bool LooksLikeWindows1252(ReadOnlySpan<byte> bytes)
    {
        var high = 0;
        var undefined = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                {
                    undefined++;
                }
            }
        }

        // Western text has a few accented letters among mostly ASCII; a high share of high bytes means another script or binary.
        return undefined == 0 && high <= bytes.Length / 4;
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // An unknown name, or one .NET refuses on purpose (UTF-7): decoded as if nothing were declared.
            return null;
        }
    }
}
