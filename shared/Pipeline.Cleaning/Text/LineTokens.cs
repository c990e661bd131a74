namespace Pipeline.Cleaning.Text;

/// <summary>
/// A line's words as 64-bit hashes for the line model's lexicon (lower-cased, every run of digits read as one "0"):
/// its first word, and for a short line (at most <see cref="ShortLineWords"/> words) each word and the whole line
/// ("reply with quote", "add to cart", "posts 0"). Long lines are prose: their words say what the text is about, not
/// whether it is the page's text, so only their first word counts. Hashing instead of strings allocates nothing.
/// </summary>
internal static class LineTokens
{
    /// <summary>A line of at most this many words gives its words and itself as tokens.</summary>
    public const int ShortLineWords = 6;

    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const ulong FirstWordSalt = 0x9E3779B97F4A7C15;
    private const ulong WholeLineSalt = 0xC2B2AE3D27D4EB4F;

    /// <summary>Appends the line's token hashes to <paramref name="into"/>.</summary>
    public static void Add(string text, List<ulong> into)
    {
        Span<ulong> words = stackalloc ulong[ShortLineWords];
        var count = 0;
        var line = Offset;
        var word = Offset;
        var inWord = false;
        var lastDigit = false;
        for (var i = 0; i <= text.Length && count <= ShortLineWords; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                var digit = char.IsDigit(c);
                if (!(digit && lastDigit))
                {
                    word = (word ^ (digit ? '0' : char.ToLowerInvariant(c))) * Prime;
                }

                inWord = true;
                lastDigit = digit;
            }
            else if (inWord)
            {
                if (count < ShortLineWords)
                {
                    words[count] = word;
                    line = (line ^ word) * Prime;
                }
                else if (count == 0)
                {
                    break;
                }

                count++;
                word = Offset;
                inWord = false;
                lastDigit = false;
            }
        }

        if (count == 0)
        {
            return;
        }

        into.Add(words[0] ^ FirstWordSalt);

        // The loop stops early only past ShortLineWords words, so a short line was read to its end.
        if (count <= ShortLineWords)
        {
            foreach (var w in words[..count])
            {
                into.Add(w);
            }

            into.Add(line ^ WholeLineSalt);
        }
    }
}
