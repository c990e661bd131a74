using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Builds filters from a <see cref="DocumentQuery"/>. User text only ever becomes a string value, a regex with
/// every metacharacter escaped, or a quoted $text phrase of word characters: never a field name or an operator.
/// </summary>
internal static class MongoFilters
{
    private static readonly string[] SourceKinds = ["inbox", "file", "web", "api"];

    private static FilterDefinitionBuilder<MongoDocumentRecord> F => Builders<MongoDocumentRecord>.Filter;

    public static FilterDefinition<MongoDocumentRecord> For(DocumentQuery query, TextQuery text, DateTimeOffset? snapshot = null)
    {
        var clauses = new List<FilterDefinition<MongoDocumentRecord>>();
        if (!text.IsEmpty)
        {
            clauses.Add(F.Text(TextSearch(text)));
        }

        if (query.Entities.Count > 0)
        {
            clauses.Add(F.All(d => d.EntityKeys, query.Entities.Select(e => e.ToString())));
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            clauses.Add(Source(query.Source.Trim()));
        }

        var published = query.DateField == DateField.Published;
        if (query.From is { } from)
        {
            clauses.Add(published ? F.Gte(d => d.Published, from.UtcDateTime) : F.Gte(d => d.StoredAt, from.UtcDateTime));
        }

        if (query.To is { } to)
        {
            clauses.Add(published ? F.Lt(d => d.Published, to.UtcDateTime) : F.Lt(d => d.StoredAt, to.UtcDateTime));
        }

        if (snapshot is { } s)
        {
            clauses.Add(F.Lte(d => d.StoredAt, s.UtcDateTime));
        }

        return clauses.Count switch
        {
            0 => F.Empty,
            1 => clauses[0],
            _ => F.And(clauses),
        };
    }

    /// <summary>Every term quoted, so all must match (MongoDB ORs bare words); terms hold only word characters and spaces.</summary>
    public static string TextSearch(TextQuery text) => string.Join(' ', text.Terms.Select(t => $"\"{t}\""));

    public static FilterDefinition<MongoDocumentRecord> Source(string source)
    {
        if (source.Contains("://", StringComparison.Ordinal))
        {
            return F.Regex(d => d.Source.Uri, new BsonRegularExpression("^" + EscapeRegex(source)));
        }

        var lower = source.ToLowerInvariant();
        var alternatives = new List<FilterDefinition<MongoDocumentRecord>>();
        if (SourceKinds.Contains(lower, StringComparer.Ordinal))
        {
            alternatives.Add(F.Eq(d => d.Source.Kind, lower));
        }

        alternatives.Add(F.Eq(d => d.Source.Name, source));
        alternatives.Add(F.Regex(d => d.Source.Uri, new BsonRegularExpression("^[a-z][a-z0-9+.-]*://(www\\.)?" + EscapeRegex(lower) + "(:[0-9]+)?(/|\\?|#|$)", "i")));
        return F.Or(alternatives);
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
