using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Text;

/// <summary>Recognises a line that is only a publication date (with an optional "Published" or "By" label) and parses it.</summary>
internal static partial class DateLine
{
    private static readonly string[] Formats =
    [
        "MMM d yyyy", "MMMM d yyyy", "d MMM yyyy", "d MMMM yyyy", "yyyy-M-d", "yyyy/M/d", "MMM yyyy d", "dddd MMMM d yyyy", "dddd d MMMM yyyy",
    ];

    [GeneratedRegex(@"^((published|posted|updated|last updated|date|written|modified)( on| at)?\s*:?\s*)?(?<date>((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?([a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(st|nd|rd|th)?\s+(of\s+)?[a-z]{3,9}\.?,?\s+\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}))(\s*(at\s+)?\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s*[a-z]{2,4})?)?(\s*[|·•,-]\s*(by\s+)?[\w .'-]{2,40})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"(?<=\d)(st|nd|rd|th)\b|\bof\b|[.,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>When the whole line is a date (optionally labelled), returns true and the parsed date if it parses.</summary>
    public static bool TryMatch(string line, out DateTimeOffset? date)
    {
        date = null;
        if (line.Length > 80 || !HasYear(line))
        {
            return false;
        }

        var m = Line().Match(line.Trim());
        if (!m.Success)
        {
            return false;
        }

        date = Parse(m.Groups["date"].Value);
        return date is not null;
    }

    /// <summary>Every form <see cref="Line"/> reads has a year of four digits (<c>\d</c>, any script's): most lines have none and skip the pattern.</summary>
    private static bool HasYear(string line)
    {
        var run = 0;
        foreach (var c in line)
        {
            run = (c <= '9' ? c >= '0' : c > 127 && char.IsDigit(c)) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the common written forms of a date; null when it is not one.</summary>
    public static DateTimeOffset? Parse(string text)
    {
        var s = Spaces().Replace(Noise().Replace(text, " "), " ").Trim();
        if (s.Length >= 4 && s[3] == ' ' && char.IsLetter(s[0]) && s.StartsWith("Sept", StringComparison.OrdinalIgnoreCase))
        {
            s = "Sep" + s[4..];
        }

        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d))
        {
            return new DateTimeOffset(d.Date, TimeSpan.Zero);
        }

        return null;
    }

    /// <summary>Parses ISO-8601-ish metadata dates ("2022-03-02T10:00:00+01:00"), keeping the calendar date as written.</summary>
    public static DateTimeOffset? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length >= 10 && DateTime.TryParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return new DateTimeOffset(d, TimeSpan.Zero);
        }

        return Parse(t);
    }
}
