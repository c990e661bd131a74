using System.Globalization;
using Microsoft.Extensions.Primitives;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary>
/// Reads the search parameters shared by <c>/api/documents</c> and <c>/api/entities</c> from the query string.
/// Everything is read as text and checked here, so a bad value gets a problem naming the parameter.
/// </summary>
internal static class SearchParameters
{
    public const int MaxCursorLength = 200;

    /// <summary>Builds the query, or fills <paramref name="errors"/>.</summary>
    public static DocumentQuery? Read(IQueryCollection query, string textParameter, Dictionary<string, string[]> errors, bool paging)
    {
        var text = Single(query, textParameter, errors, DocumentQuery.MaxTextLength);
        var source = Single(query, "source", errors, 500);
        var entities = new List<EntityKey>();
        var entityValues = query["entity"];
        if (entityValues.Count > 10)
        {
            errors["entity"] = ["At most 10 entity filters are allowed."];
        }
        else
        {
            foreach (var value in entityValues)
            {
                if (!EntityKey.TryParse(value, out var key))
                {
                    errors["entity"] = [$"'{Truncate(value)}' is not an entity key: use Type:value, such as Chemical:ketamine, with a type among {string.Join(", ", EntityKey.Types)}."];
                    break;
                }

                entities.Add(key.Value);
            }
        }

        var from = Date(query, "from", errors, endOfDay: false);
        var to = Date(query, "to", errors, endOfDay: true);
        var dateField = DateField.Published;
        switch (Single(query, "dateField", errors, 20)?.ToLowerInvariant())
        {
            case null or "" or "published":
                break;
            case "stored":
                dateField = DateField.Stored;
                break;
            default:
                errors["dateField"] = ["dateField must be published or stored."];
                break;
        }

        var sort = SortOrder.Relevance;
        string? cursor = null;
        var limit = 20;
        if (paging)
        {
            switch (Single(query, "sort", errors, 20)?.ToLowerInvariant())
            {
                case null or "" or "relevance":
                    break;
                case "date":
                    sort = SortOrder.Date;
                    break;
                default:
                    errors["sort"] = ["sort must be relevance or date."];
                    break;
            }

            cursor = Single(query, "cursor", errors, MaxCursorLength);
            limit = Integer(query, "limit", errors, 20, 1, DocumentQuery.MaxLimit);
        }

        if (from is { } f && to is { } t && f >= t)
        {
            errors["from"] = ["from must be before to."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new DocumentQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Entities = entities,
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            From = from,
            To = to,
            DateField = dateField,
            Sort = sort,
            Cursor = string.IsNullOrEmpty(cursor) ? null : cursor,
            Limit = limit,
        };
    }

    /// <summary>One value at most, no longer than <paramref name="maxLength"/>.</summary>
    public static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> errors, int maxLength)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors[name] = [$"Give {name} once."];
            return null;
        }

        var value = values.Count == 0 ? null : values[0];
        if (value is { Length: var length } && length > maxLength)
        {
            errors[name] = [$"{name} is limited to {maxLength} characters."];
            return null;
        }

        return value;
    }

    public static int Integer(IQueryCollection query, string name, Dictionary<string, string[]> errors, int fallback, int min, int max)
    {
        var value = Single(query, name, errors, 10);
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors[name] = [$"{name} must be a whole number from {min} to {max}."];
            return fallback;
        }

        return number;
    }

    /// <summary>A date (<c>2024-05-01</c>, whole days in UTC; as an upper bound it includes that day) or an ISO 8601 time.</summary>
    private static DateTimeOffset? Date(IQueryCollection query, string name, Dictionary<string, string[]> errors, bool endOfDay)
    {
        var value = Single(query, name, errors, 40);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && value.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }

        errors[name] = [$"{name} must be a date (2024-05-01) or an ISO 8601 time (2024-05-01T12:00:00Z)."];
        return null;
    }

    private static string Truncate(StringValues value) => value.ToString() is { Length: > 60 } s ? s[..60] + "…" : value.ToString();
}
