using System.Text;

namespace Pipeline.Inbox;

/// <summary>Which names the inbox takes, and why it leaves the others alone.</summary>
public static class InboxNames
{
    /// <summary>
    /// The longest name taken, in UTF-8 bytes: done/ and failed/ may add a time suffix (19 bytes) to keep an earlier
    /// file of the same name, and failed/ adds <c>.error.json</c> (11 bytes), within the usual 255-byte limit.
    /// </summary>
    public const int MaxBytes = 255 - 19 - 11;

    /// <summary>Null for a name the inbox takes; otherwise why it is left where it is.</summary>
    public static string? WhyNotTaken(string name)
    {
        if (name.Length == 0 || Path.GetFileName(name) != name || name.Contains('\0', StringComparison.Ordinal))
        {
            return "not a plain file name";
        }

        if (name.StartsWith('.'))
        {
            return "a hidden name (it starts with '.')";
        }

        if (name.StartsWith('~')
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase))
        {
            return "a temporary name (a file still being written; it is taken once renamed)";
        }

        if (name.EndsWith(".error.json", StringComparison.OrdinalIgnoreCase))
        {
            return "the name of an error report";
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        return bytes > MaxBytes ? $"a name of {bytes} bytes (the inbox takes names up to {MaxBytes} bytes)" : null;
    }
}
