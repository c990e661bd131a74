namespace Pipeline.Cleaning.Text;

/// <summary>The commonest function words of the languages the inbox sees most: prose is full of them, menus are not.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(
        [
            "the", "a", "an", "of", "and", "to", "in", "is", "for", "that", "with", "on", "as", "it", "by", "at", "from", "this", "be", "are",
            "was", "or", "not", "but", "have", "has", "had", "they", "we", "you", "he", "she", "i", "his", "her", "their", "our", "your", "its",
            "which", "who", "will", "would", "can", "could", "there", "were", "been", "if", "so", "than", "when", "what", "all", "more", "also",
            "into", "about", "these", "those", "some", "any", "such", "do", "does", "did", "may", "should", "because", "while", "most", "other",
            "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "dem", "zu", "von", "sich", "auf", "für", "im", "auch",
            "le", "la", "les", "et", "est", "des", "du", "un", "une", "en", "que", "qui", "pour", "dans", "pas", "sur", "au", "avec", "ce",
            "el", "los", "las", "es", "del", "por", "con", "para", "una", "se", "lo", "como", "il", "di", "che", "non", "per", "sono", "het",
            "een", "van", "niet", "op", "om", "de", "o", "os", "da", "do", "em", "um", "uma", "não", "mais",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => word.Length <= 7 && Lookup.Contains(word);
}
