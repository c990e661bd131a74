namespace Pipeline.Tagging.Text;

internal enum TokenKind : byte
{
    /// <summary>A run of letters, digits and combining marks.</summary>
    Word,

    /// <summary>A single punctuation or symbol character (or surrogate pair).</summary>
    Symbol,
}
