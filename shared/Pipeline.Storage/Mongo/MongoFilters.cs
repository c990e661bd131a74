using System.Text;
using MongoDB.Bson;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Builds filters from a <see cref="DocumentQuery"/>. User text only ever becomes a string value, a regex with
/// every metacharacter escaped, or a quoted $text phrase of word characters: never a field name or an operator.
/// </summary>
internal static class MongoFilters
{
    private static readonly string[] SourceKinds = ["inbox", "file", "web", "api"];

    public static BsonDocument For(DocumentQuery query, TextQuery text, DateTimeOffset? snapshot = null)
    {
        var clauses = new List<BsonDocument>();
        if (!text.IsEmpty)
        {
            clauses.Add(new BsonDocument("$text", new BsonDocument("$search", TextSearch(text))));
        }

        if (query.Entities.Count > 0)
        {
            clauses.Add(new BsonDocument("entityKeys", new BsonDocument("$all", new BsonArray(query.Entities.Select(e => e.ToString())))));
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            clauses.Add(Source(query.Source.Trim()));
        }

        var dateField = query.DateField == DateField.Published ? "published" : "storedAt";
        var range = new BsonDocument();
        if (query.From is { } from)
        {
            range["$gte"] = MongoDocumentMapper.Date(from);
        }

        if (query.To is { } to)
        {
            range["$lt"] = MongoDocumentMapper.Date(to);
        }

        if (range.ElementCount > 0)
        {
            clauses.Add(new BsonDocument(dateField, range));
        }

        if (snapshot is { } s)
        {
            clauses.Add(new BsonDocument("storedAt", new BsonDocument("$lte", MongoDocumentMapper.Date(s))));
        }

        return clauses.Count switch
        {
            0 => [],
            1 => clauses[0],
            _ => new BsonDocument("$and", new BsonArray(clauses)),
        };
    }

    /// <summary>Every term quoted, so all must match (MongoDB ORs bare words); terms hold only word characters and spaces.</summary>
    public static string TextSearch(TextQuery text) => string.Join(' ', text.Terms.Select(t => $"\"{t}\""));

    public static BsonDocument Source(string source)
    {
        if (source.Contains("://", StringComparison.Ordinal))
        {
            return new BsonDocument("source.uri", new BsonRegularExpression("^" + EscapeRegex(source)));
        }

        var lower = source.ToLowerInvariant();
        var alternatives = new BsonArray
        {
            new BsonDocument("source.name", source),
            new BsonDocument("source.uri", new BsonRegularExpression("^[a-z][a-z0-9+.-]*://(www\\.)?" + EscapeRegex(lower) + "(:[0-9]+)?(/|\\?|#|$)", "i")),
        };
        if (SourceKinds.Contains(lower, StringComparer.Ordinal))
        {
            alternatives.Insert(0, new BsonDocument("source.kind", lower));
        }

        return new BsonDocument("$or", alternatives);
    }

    /// <summary>Escapes every PCRE metacharacter, so the text matches itself literally.</summary>
    public static string EscapeRegex(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}-/#&~<>=!:,'\" ".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }
            else if (char.IsControl(c))
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{{{(int)c:X}}}");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
