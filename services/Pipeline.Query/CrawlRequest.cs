using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Query;

/// <summary>A crawl to create or replace, as sent to <c>POST /api/crawls</c>.</summary>
internal sealed partial record CrawlRequest(
    string? Name,
    IReadOnlyList<string>? Seeds,
    string? Interval,
    string? Cron,
    int? Depth,
    int? MaxPages,
    string? Scope,
    bool? UseSitemap)
{
    private const int MaxSeeds = 100;
    private const int MaxUrlLength = 2000;
    private static readonly string[] Scopes = ["same-host", "same-prefix", "list"];

    /// <summary>The problems with each field (empty when valid); <paramref name="interval"/> is the parsed interval.</summary>
    public Dictionary<string, string[]> Validate(out TimeSpan? interval)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        interval = null;
        if (Name is null || !NamePattern().IsMatch(Name))
        {
            errors["name"] = ["name is 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit."];
        }

        if (Seeds is null || Seeds.Count is 0 or > MaxSeeds)
        {
            errors["seeds"] = [$"seeds holds 1 to {MaxSeeds} URLs."];
        }
        else if (Seeds.FirstOrDefault(s => !IsHttpUrl(s)) is { } bad)
        {
            errors["seeds"] = [$"'{(bad is { Length: > 80 } ? bad[..80] + "…" : bad)}' is not an absolute http or https URL (at most {MaxUrlLength} characters)."];
        }

        var hasInterval = !string.IsNullOrWhiteSpace(Interval);
        var hasCron = !string.IsNullOrWhiteSpace(Cron);
        if (hasInterval == hasCron)
        {
            errors["interval"] = ["Give exactly one of interval (30m, 6h, 1d, hh:mm:ss) and cron."];
        }
        else if (hasInterval)
        {
            interval = ParseInterval(Interval!);
            if (interval is null || interval < TimeSpan.FromMinutes(1) || interval > TimeSpan.FromDays(365))
            {
                errors["interval"] = ["interval is 30m, 6h, 1d or hh:mm:ss, from 1 minute to 365 days."];
                interval = null;
            }
        }
        else if (Cron!.Length > 120 || !Quartz.CronExpression.TryParse(Cron.Trim(), out _))
        {
            errors["cron"] = ["cron is a Quartz cron expression with seconds, such as '0 0 6 * * ?' (06:00 every day)."];
        }

        if (Depth is < 0 or > 10)
        {
            errors["depth"] = ["depth is 0 (the seeds only) to 10."];
        }

        if (MaxPages is < 1 or > 100_000)
        {
            errors["maxPages"] = ["maxPages is 1 to 100000."];
        }

        if (Scope is not null && !Scopes.Contains(Scope, StringComparer.Ordinal))
        {
            errors["scope"] = [$"scope is one of {string.Join(", ", Scopes)}."];
        }

        return errors;
    }

    private static bool IsHttpUrl(string? value) =>
        value is { Length: > 0 and <= MaxUrlLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static TimeSpan? ParseInterval(string text)
    {
        var match = IntervalPattern().Match(text.Trim());
        if (match.Success)
        {
            var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            return match.Groups["unit"].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return TimeSpan.TryParseExact(text.Trim(), @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var span)
            || TimeSpan.TryParseExact(text.Trim(), @"d\.hh\:mm\:ss", CultureInfo.InvariantCulture, out span)
            ? span
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(?<n>[0-9]{1,6})(?<unit>[mhd])$")]
    private static partial Regex IntervalPattern();
}
