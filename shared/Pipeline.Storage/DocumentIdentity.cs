using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Storage;

/// <summary>Derives a document's id from its canonical source, so a re-fetch or re-drop updates the same document.</summary>
public static class DocumentIdentity
{
    /// <summary>A name-based UUID (version 8, SHA-256) of the canonical source URI.</summary>
    public static Guid ForSourceUri(string canonicalUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(canonicalUri);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUri), hash);
        var bytes = hash[..16];

        // RFC 9562: version 8 (custom), variant 10.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The canonical URI of an inbox file: its name, not its folder, identifies it.</summary>
    public static string InboxUri(string fileName) => "inbox:///" + Uri.EscapeDataString(fileName);
}
