using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Storage;

/// <summary>The content hash used to detect identical cleaned text from two sources.</summary>
public static class ContentHashing
{
    /// <summary>Lower-case hex SHA-256 of the text with whitespace runs collapsed, so reflowed copies still match.</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
