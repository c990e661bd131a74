using System.Buffers;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Text;

/// <summary>
/// Answers <see cref="LinePatterns.UtilityLine"/> for a line while trying only the branches that can match it: those
/// starting with the line's first letter (or with a digit), and the few that can start anywhere when the line holds
/// the word they need. Tried one after another, the hundred-odd branches of the whole pattern cost more than the
/// line model; the answer is the same, because a branch that starts with a letter only matches a line starting with
/// that letter in either case. A line holding a character that the pattern's case-insensitive matching takes for an
/// ASCII letter (the Kelvin sign for k, ...) is given to the whole pattern.
/// </summary>
internal static class UtilityLineMatcher
{
    private static readonly Regex?[] ByLetter =
    [
        LinePatterns.UtilityLineA(), LinePatterns.UtilityLineB(), LinePatterns.UtilityLineC(), LinePatterns.UtilityLineD(),
        LinePatterns.UtilityLineE(), LinePatterns.UtilityLineF(), LinePatterns.UtilityLineG(), LinePatterns.UtilityLineH(),
        LinePatterns.UtilityLineI(), LinePatterns.UtilityLineJ(), LinePatterns.UtilityLineK(), LinePatterns.UtilityLineL(),
        LinePatterns.UtilityLineM(), LinePatterns.UtilityLineN(), LinePatterns.UtilityLineO(), LinePatterns.UtilityLineP(),
        null, LinePatterns.UtilityLineR(), LinePatterns.UtilityLineS(), LinePatterns.UtilityLineT(),
        LinePatterns.UtilityLineU(), LinePatterns.UtilityLineV(), LinePatterns.UtilityLineW(), null,
        LinePatterns.UtilityLineY(), null,
    ];

    /// <summary>Each branch that can start anywhere needs one of these words ("likes this", "read", "checkout").</summary>
    private static readonly SearchValues<string> AnywhereWords = SearchValues.Create(["like", "read", "checkout"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The non-ASCII characters the patterns' case-insensitive matching takes for an ASCII letter.</summary>
    public static SearchValues<char> LetterLookalikes { get; } = FindLetterLookalikes();

    public static bool IsMatch(string line)
    {
        var span = line.AsSpan();
        if (span.IsEmpty || span.ContainsAny(LetterLookalikes))
        {
            return LinePatterns.UtilityLine().IsMatch(line);
        }

        var first = span[0];
        var group = char.IsAsciiLetter(first) ? ByLetter[(first | 0x20) - 'a'] : char.IsDigit(first) ? LinePatterns.UtilityLineDigit() : null;
        return (group is not null && group.IsMatch(line)) || (span.IndexOfAny(AnywhereWords) >= 0 && LinePatterns.UtilityLineAnywhere().IsMatch(line));
    }

    private static SearchValues<char> FindLetterLookalikes()
    {
        var all = new char[char.MaxValue - 127];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (char)(i + 128);
        }

        var found = new List<char>();
        foreach (var match in LinePatterns.AsciiLetter().EnumerateMatches(all))
        {
            found.Add(all[match.Index]);
        }

        return SearchValues.Create(found.ToArray());
    }
}
