namespace Pipeline.Cleaning;

/// <summary>Tells the language of a text from its script, or for Latin script from its most frequent function words.</summary>
internal static class LanguageDetector
{
    private static readonly (string Code, string Words)[] Profiles =
    [
        ("en", ("the and of to in is that for it with as was on are this be by you not or have from")),
        ("de", ("der die und das ist nicht ein eine zu den mit von sich des auf für im dem auch es")),
        ("fr", ("le la les et des est un une du en que pour dans qui pas sur au avec sont ce")),
        ("es", ("el la de que y en los las del se por un una para con es al lo como más")),
        ("it", ("il di che la e è per un una del non della sono le con gli si da nel")),
        ("pt", ("o a de que e do da em um para com não uma os no se na por mais as")),
        ("nl", ("de het een en van is dat op te in zijn voor met niet die er ook aan")),
        ("sv", ("och att det som en på är av för med till den har inte om ett var")),
        ("pl", ("i w na nie się z do że to jest jak o po co ale od przez dla")),
    ];

    /// <summary>Built once: given as a string, the separators' lookup table was rebuilt for every word.</summary>
    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(" \n\t,.;:!?()\"'«»");

    /// <summary>Function word to a bit per profile that lists it: one lookup per word instead of one per language.</summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordMasks = BuildMasks();

    public static string? Detect(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 20_000));
        int latin = 0, cyrillic = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0, devanagari = 0;
        foreach (var c in sample)
        {
            switch (c)
            {
                case < '\u0250' when char.IsLetter(c): latin++; break;
                case >= '\u0370' and < '\u0400': greek++; break;
                case >= '\u0400' and < '\u0530': cyrillic++; break;
                case >= '\u0590' and < '\u0600': hebrew++; break;
                case >= '\u0600' and < '\u0700': arabic++; break;
                case >= '\u0900' and < '\u0980': devanagari++; break;
                case >= '\u0E00' and < '\u0E80': thai++; break;
                case >= '\u3040' and < '\u3100': kana++; break;
                case >= '\u4E00' and < '\uA000': han++; break;
                case >= '\uAC00' and < '\uD7B0': hangul++; break;
            }
        }

        if (kana > 20)
        {
            return "ja";
        }

        var (code, best) = ("en", latin);
        foreach (var (c, n) in new[] { ("ru", cyrillic), ("el", greek), ("ar", arabic), ("he", hebrew), ("zh", han), ("ko", hangul), ("th", thai), ("hi", devanagari) })
        {
            if (n > best)
            {
                (code, best) = (c, n);
            }
        }

        if (best < 20)
        {
            return null;
        }

        return code == "en" ? LatinLanguage(sample) : code;
    }

    private static string? LatinLanguage(ReadOnlySpan<char> sample)
    {
        Span<int> hits = stackalloc int[Profiles.Length];
        foreach (var range in sample.SplitAny(WordSeparators))
        {
            var word = sample[range];
            if (word.Length is 0 or > 6 || !WordMasks.TryGetValue(word, out var mask))
            {
                continue;
            }

            for (var p = 0; p < Profiles.Length; p++)
            {
                hits[p] += (mask >> p) & 1;
            }
        }

        var best = 0;
        for (var p = 1; p < Profiles.Length; p++)
        {
            best = hits[p] > hits[best] ? p : best;
        }

        return hits[best] >= 3 ? Profiles[best].Code : null;
    }

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildMasks()
    {
        var masks = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < Profiles.Length; p++)
        {
            foreach (var word in Profiles[p].Words.Split(' '))
            {
                masks[word] = masks.GetValueOrDefault(word) | (1 << p);
            }
        }

        return masks.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
