using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>The benchmark's word F1: lower-cased <c>\w+</c> tokens, multiset overlap.</summary>
public static partial class WordOverlap
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    /// <summary>Precision, recall and F1 of <paramref name="predicted"/> against <paramref name="expected"/>.</summary>
    public static (double Precision, double Recall, double F1) Score(string predicted, string expected)
    {
        var want = Count(expected);
        var got = Count(predicted);
        int wantTotal = 0, gotTotal = 0, common = 0;
        foreach (var (_, n) in want)
        {
            wantTotal += n;
        }

        foreach (var (word, n) in got)
        {
            gotTotal += n;
            if (want.TryGetValue(word, out var m))
            {
                common += Math.Min(n, m);
            }
        }

        if (wantTotal == 0 && gotTotal == 0)
        {
            return (1, 1, 1);
        }

        if (common == 0)
        {
            return (0, 0, 0);
        }

        var p = (double)common / gotTotal;
        var r = (double)common / wantTotal;
        return (p, r, 2 * p * r / (p + r));
    }

    /// <summary>How many <c>\w+</c> words <paramref name="text"/> holds.</summary>
    public static int CountWords(string? text) => string.IsNullOrEmpty(text) ? 0 : Word().Count(text);

    private static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>();
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var m in Word().EnumerateMatches(text))
        {
            var word = text.AsSpan(m.Index, m.Length);
            var key = word.Length <= lower.Length ? lower[..word.ToLowerInvariant(lower)] : word.ToString().ToLowerInvariant().AsSpan();
            lookup[key] = lookup.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        return counts;
    }
}
