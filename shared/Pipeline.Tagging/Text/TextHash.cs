namespace Pipeline.Tagging.Text;

/// <summary>
/// Stable 64-bit hashes (FNV-1a, then a finaliser): the model file stores feature hashes, so they must not
/// change between processes the way <see cref="string.GetHashCode()"/> does.
/// </summary>
internal static class TextHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Add(ulong hash, ulong value)
    {
        hash ^= value;
        hash *= 0x9E3779B97F4A7C15UL;
        return hash ^ (hash >> 29);
    }

    /// <summary>Hash of the normalised (lower-case, unified apostrophes and dashes) form.</summary>
    public static ulong Normalized(ReadOnlySpan<char> text)
    {
        var h = Seed;
        foreach (var c in text)
        {
            h = Add(h, Normalize(c));
        }

        return h;
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>Hash of the text as written (case kept).</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Seed;
        foreach (var c in text)
        {
            h = Add(h, c);
        }

        return h;
    }

    public static ulong Mix(ulong a, ulong b)
    {
        var h = (a ^ 0x5851F42D4C957F2DUL) * 0xBF58476D1CE4E5B9UL;
        h ^= b + 0x94D049BB133111EBUL + (h << 6) + (h >> 2);
        h *= 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }

    public static char Normalize(char c) => c switch
    {
        < 'A' => c,
        <= 'Z' => (char)(c | 0x20),
        < (char)128 => c,
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        '\u201C' or '\u201D' => '"',
        _ => char.ToLowerInvariant(c),
    };
}
