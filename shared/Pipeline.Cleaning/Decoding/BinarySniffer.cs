namespace Pipeline.Cleaning.Decoding;

/// <summary>Rejects bytes that are not text before any decoding is attempted.</summary>
internal static class BinarySniffer
{
    public static void ThrowIfBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8))
        {
            throw new CleaningRejectedException("unsupported-format", "The document is a PDF; only HTML and plain text are supported.");
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                throw new CleaningRejectedException("binary", "The document contains NUL bytes: it is binary, not text.");
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        // Text has almost no C0 control characters; images, archives and executables have plenty.
        if (control > head.Length / 50 + 2)
        {
            throw new CleaningRejectedException("binary", "The document is mostly control bytes: it is binary, not text.");
        }
    }
}
