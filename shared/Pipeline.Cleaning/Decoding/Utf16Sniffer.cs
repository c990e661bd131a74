using System.Text;

namespace Pipeline.Cleaning.Decoding;

/// <summary>
/// Recognises UTF-16 text without a byte-order mark by its zero bytes: text in Latin scripts has a zero in every
/// other byte (odd positions for little-endian, even for big-endian) and hardly any in the others.
/// </summary>
internal static class Utf16Sniffer
{
    public static Encoding? Detect(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (head.Length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < head.Length; i += 2)
        {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = head.Length / 2;
        var encoding = oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02 ? Encoding.Unicode
            : evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02 ? Encoding.BigEndianUnicode
            : null;
        return encoding is not null && IsPlausible(encoding, head) ? encoding : null;
    }

    private static bool IsPlausible(Encoding encoding, ReadOnlySpan<byte> head)
    {
        // Valid UTF-16 (no unpaired surrogates) that is text: few control characters besides line breaks and tabs.
        var text = encoding.GetString(head).AsSpan();
        if (text.Length > 0 && char.IsHighSurrogate(text[^1]) || text.EndsWith("\uFFFD"))
        {
            text = text[..^1]; // a pair cut by the end of the sample
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return control <= text.Length / 50 + 2;
    }
}
