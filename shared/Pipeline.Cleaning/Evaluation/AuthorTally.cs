using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>Counts found and wrong authors against the labelled ones.</summary>
internal sealed partial class AuthorTally
{
    private int labelled;
    private int found;
    private int unlabelled;
    private int wrong;

    /// <summary>Share of labelled authors that were found.</summary>
    public double Accuracy => labelled == 0 ? 0 : (double)found / labelled;

    /// <summary>Share of pages without a labelled author that were given one.</summary>
    public double WrongRate => unlabelled == 0 ? 0 : (double)wrong / unlabelled;

    public void Add(string? expected, string? actual)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            unlabelled++;
            wrong += string.IsNullOrWhiteSpace(actual) ? 0 : 1;
            return;
        }

        labelled++;
        found += Matches(expected, actual) ? 1 : 0;
    }

    /// <summary>
    /// The same person: equal words, or one name's words inside the other's ("Dylan Bailey" and "Dylan Bailey, MS, RD";
    /// "Ann Lee" among "Ann Lee and Bo Chan" or "Ann Lee, Bo Chan"). A single shared word ("John") is not enough
    /// unless it is the whole label. Case, accents, underscores ("Matt_Brooks") and middle initials do not count, nor
    /// the order of a "Last, First" label ("Kaufman, Jeff T." is Jeff Kaufman).
    /// </summary>
    public static bool Matches(string expected, string? actual)
    {
        if (string.IsNullOrWhiteSpace(actual))
        {
            return false;
        }

        var want = Initials().Replace(Words(expected), string.Empty);
        var got = Initials().Replace(Words(actual), string.Empty);
        if (Contained(want, got, want))
        {
            return true;
        }

        // Name by name: "A and B" against "A, B"; "handle (Display Name)" against "handle".
        var wantNames = Names(expected);
        var gotNames = Names(actual);
        if (wantNames.Any(w => gotNames.Any(g => Contained(w, g, want))))
        {
            return true;
        }

        // "Last, First": every word of a two-word-or-longer name found, in another order, in a label not much longer.
        var wantWords = want.Trim().Split(' ').ToHashSet(StringComparer.Ordinal);
        return gotNames.Append(got).Any(g => g.Trim().Split(' ') is { Length: >= 2 } parts && parts.All(wantWords.Contains) && wantWords.Count <= parts.Length + 2);
    }

    /// <summary>Equal, or the shorter inside the longer on word boundaries, when it has two words or is the whole label.</summary>
    private static bool Contained(string a, string b, string label)
    {
        if (a.Length <= 2 || b.Length <= 2)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return (shorter.Trim().Contains(' ', StringComparison.Ordinal) || shorter == label) && shorter.Length > 2 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    private static List<string> Names(string s) =>
        [.. NameSeparator().Split(s).Select(n => Initials().Replace(Words(n), string.Empty)).Where(n => n.Length > 2)];

    /// <summary>A middle initial ("Emery D. Berger") is not part of the match.</summary>
    [GeneratedRegex(@"(?<= \w+) \w(?= \w)")]
    private static partial Regex Initials();

    /// <summary>Lower-cased words without accents, split at anything not a letter or digit, with spaces at both ends.</summary>
    private static string Words(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append(' ');
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb[^1] == ' ' ? sb.ToString() : sb.Append(' ').ToString();
    }

    [GeneratedRegex(@"[,;&|/()]|\s[-–—]\s|\s(?:and|und|et|y)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();
}
