using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Tagging.Rules;

/// <summary>
/// Canonical values of dates and quantities, so they can be compared and faceted: dates as ISO 8601 as far as
/// they are known ("March 2, 2022" → "2022-03-02", "March 2022" → "2022-03", "in 2007" → "2007", "1960s"),
/// quantities as a number (or range) and a unit ("30-minute" → "30 minute", "six weeks" → "6 week",
/// "$8,000" → "8000 USD", "EUR 5 million" → "5000000 EUR", "2-4%" → "2-4 %"). Null when nothing is known.
/// </summary>
internal static partial class ValueNormalizer
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["hundred"] = 100,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1_000_000_000_000,
    };

    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = "USD", ["US$"] = "USD", ["USD"] = "USD", ["dollars"] = "USD", ["dollar"] = "USD", ["€"] = "EUR", ["EUR"] = "EUR",
        ["euros"] = "EUR", ["£"] = "GBP", ["GBP"] = "GBP", ["¥"] = "JPY", ["JPY"] = "JPY",
        ["CHF"] = "CHF", ["CAD"] = "CAD", ["C$"] = "CAD", ["AUD"] = "AUD", ["A$"] = "AUD", ["INR"] = "INR", ["₹"] = "INR",
        ["euro"] = "EUR",
    };

    public static string? Date(string surface)
    {
        if (IsoDateRegex().Match(surface) is { Success: true } iso)
        {
            return iso.Value;
        }

        if (DecadeRegex().Match(surface) is { Success: true } decade)
        {
            return decade.Value;
        }

        var year = YearRegex().Match(surface) is { Success: true } y ? y.Value : null;
        var month = MonthOf(surface);
        var slash = SlashDateRegex().Match(surface);
        if (slash.Success)
        {
            // US order (month/day/year), as the pattern that finds these assumes.
            return Iso(slash.Groups[3].Value, int.Parse(slash.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(slash.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        if (month > 0)
        {
            var day = DayRegex().Match(YearRegex().Replace(surface, " ")) is { Success: true } d ? int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return year is null ? day > 0 ? string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}") : null : Iso(year, month, day);
        }

        return year;
    }

    public static string? Quantity(string surface)
    {
        var text = surface.Replace('\u2013', '-').Replace('\u2014', '-');
        var currency = CurrencyOf(text);
        var numbers = new List<string>();
        foreach (Match m in NumberRegex().Matches(text))
        {
            if (Number(m.Value) is { } n)
            {
                numbers.Add(n);
            }
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        // "5 million": the scale multiplies every number before it.
        if (ScaleRegex().Match(text) is { Success: true } scale)
        {
            for (var k = 0; k < numbers.Count; k++)
            {
                numbers[k] = (decimal.Parse(numbers[k], CultureInfo.InvariantCulture) * Scales[scale.Value]).ToString("0.########", CultureInfo.InvariantCulture);
            }
        }

        var value = string.Join('-', numbers.Take(2));
        var unit = currency ?? UnitOf(text);
        return unit is null ? value : value + " " + unit;
    }

    private static string? Number(string token)
    {
        if (Words.TryGetValue(token, out var w))
        {
            return w.ToString(CultureInfo.InvariantCulture);
        }

        var digits = token.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.########", CultureInfo.InvariantCulture)
            : null;
    }

    private static string? CurrencyOf(string text)
    {
        if (CurrencyRegex().Match(text) is { Success: true } m)
        {
            return Currencies[m.Value];
        }

        foreach (var c in text)
        {
            if (c is '$' or '€' or '£' or '¥' or '₹')
            {
                return Currencies[c.ToString()];
            }
        }

        return null;
    }

    /// <summary>The unit word after the last number, singular and lower-cased ("weeks" → "week", "%" → "%").</summary>
    private static string? UnitOf(string text)
    {
        if (text.Contains('%', StringComparison.Ordinal) || text.Contains("percent", StringComparison.OrdinalIgnoreCase) || text.Contains("per cent", StringComparison.OrdinalIgnoreCase))
        {
            return "%";
        }

        var m = UnitRegex().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var unit = m.Groups[1].Value.ToLowerInvariant();
        var sb = new StringBuilder(unit);
        if (unit.Length > 3 && unit.EndsWith('s') && !unit.EndsWith("ss", StringComparison.Ordinal))
        {
            sb.Length--;
        }

        if (m.Groups[2].Success)
        {
            sb.Append(" old");
        }

        return sb.ToString();
    }

    private static int MonthOf(string surface)
    {
        var lower = surface.ToLowerInvariant();
        foreach (Match m in MonthWordRegex().Matches(lower))
        {
            var index = Array.IndexOf(Months, m.Value[..3]);
            if (index >= 0)
            {
                return index + 1;
            }
        }

        return 0;
    }

    private static string Iso(string year, int month, int day) =>
        month is < 1 or > 12 ? year
        : day is < 1 or > 31 ? string.Create(CultureInfo.InvariantCulture, $"{year}-{month:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{year}-{month:D2}-{day:D2}");

    [GeneratedRegex(@"(?<![A-Za-z])(?:US\$|C\$|A\$|USD|EUR|GBP|CHF|JPY|CAD|AUD|INR|dollars?|euros?)(?![A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyRegex();

    [GeneratedRegex(@"\b(?:1[89]|20)\d{2}-[01]\d-[0-3]\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"\b(?:1[89]|20)\d0s\b", RegexOptions.CultureInvariant)]
    private static partial Regex DecadeRegex();

    [GeneratedRegex(@"\b(?:1[89]|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\b([01]?\d)/([0-3]?\d)/((?:1[89]|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDateRegex();

    [GeneratedRegex(@"\b([0-3]?\d)(?:st|nd|rd|th)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayRegex();

    [GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthWordRegex();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\b(?:thousand|million|billion|trillion)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScaleRegex();

    [GeneratedRegex(@"(?:\d|\b[a-z]+)[\s-]*((?:mg/kg(?:/d(?:ay)?)?|mg/d(?:ay)?|mg/m2|mmol/L|mmHg|[A-Za-zµμ]+))(?:-?\s?(old))?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UnitRegex();
}
