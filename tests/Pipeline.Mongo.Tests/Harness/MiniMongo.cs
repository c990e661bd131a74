using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>
/// An in-memory emulation of the small subset of MongoDB the document store uses (find, aggregate with $match /
/// $addFields / $sort / $skip / $limit / $project / $unwind / $group, replace-upserts, deletes, $text as AND-ed
/// case-insensitive phrases). It lets the shared store contract suite exercise the adapter end to end here; it is
/// an emulator written from the documentation, not evidence of a real server's behaviour (MONGODB_URL is).
/// </summary>
internal sealed class MiniMongo
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<BsonDocument>> _collections = [];

    public FakeReply? Handle(BsonDocument command)
    {
        var name = command.GetElement(0).Name;
        if (name is "hello" or "isMaster" or "ismaster")
        {
            return null;
        }

        lock (_lock)
        {
            var ns = $"{command["$db"]}.{command[0]}";
            return FakeReply.Of(name switch
            {
                "createIndexes" or "drop" => new BsonDocument("ok", 1),
                "find" => Cursor(ns, Find(Collection(ns), command)),
                "aggregate" => Cursor(ns, Aggregate(Collection(ns), command["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument))),
                "update" => Update(Collection(ns), command["updates"][0].AsBsonDocument),
                "delete" => Delete(Collection(ns), command["deletes"][0].AsBsonDocument),
                _ => new BsonDocument { { "ok", 0 }, { "code", 59 }, { "errmsg", $"MiniMongo does not know {name}" } },
            });
        }
    }

    private List<BsonDocument> Collection(string ns) => _collections.TryGetValue(ns, out var c) ? c : _collections[ns] = [];

    private static BsonDocument Cursor(string ns, List<BsonDocument> documents) => new()
    {
        { "cursor", new BsonDocument { { "id", 0L }, { "ns", ns }, { "firstBatch", new BsonArray(documents) } } },
        { "ok", 1 },
    };

    private static List<BsonDocument> Find(List<BsonDocument> collection, BsonDocument command)
    {
        var rows = collection.Where(d => Matches(d, command.GetValue("filter", new BsonDocument()).AsBsonDocument, out _)).ToList();
        if (command.TryGetValue("sort", out var sort))
        {
            rows = Sort(rows, sort.AsBsonDocument);
        }

        if (command.TryGetValue("limit", out var limit) && limit.ToInt32() > 0)
        {
            rows = rows.Take(limit.ToInt32()).ToList();
        }

        return command.TryGetValue("projection", out var projection) ? rows.Select(r => Project(r, projection.AsBsonDocument)).ToList() : rows.Select(r => r.DeepClone().AsBsonDocument).ToList();
    }

    private static List<BsonDocument> Aggregate(List<BsonDocument> collection, IEnumerable<BsonDocument> stages)
    {
        var rows = collection.Select(d => d.DeepClone().AsBsonDocument).ToList();
        var scores = new Dictionary<BsonDocument, double>(ReferenceEqualityComparer.Instance);
        foreach (var stage in stages)
        {
            var (op, arg) = (stage.GetElement(0).Name, stage[0]);
            switch (op)
            {
                case "$match":
                    var kept = new List<BsonDocument>();
                    foreach (var row in rows)
                    {
                        if (Matches(row, arg.AsBsonDocument, out var score))
                        {
                            kept.Add(row);
                            scores[row] = score;
                        }
                    }

                    rows = kept;
                    break;
                case "$addFields":
                    foreach (var row in rows)
                    {
                        foreach (var field in arg.AsBsonDocument)
                        {
                            row[field.Name] = field.Value is BsonDocument { ElementCount: 1 } m && m.GetElement(0).Name == "$meta"
                                ? scores.GetValueOrDefault(row)
                                : Evaluate(row, field.Value);
                        }
                    }

                    break;
                case "$sort": rows = Sort(rows, arg.AsBsonDocument); break;
                case "$skip": rows = rows.Skip(arg.ToInt32()).ToList(); break;
                case "$limit": rows = rows.Take(arg.ToInt32()).ToList(); break;
                case "$project": rows = rows.Select(r => Project(r, arg.AsBsonDocument)).ToList(); break;
                case "$unwind":
                    var path = arg.AsString[1..];
                    rows = rows.SelectMany(r => Get(r, path) is BsonArray a ? a.Select(v => new BsonDocument(r) { [path] = v }) : []).ToList();
                    break;
                case "$group":
                    var spec = arg.AsBsonDocument;
                    rows = rows.GroupBy(r => Evaluate(r, spec["_id"]))
                        .Select(g =>
                        {
                            var result = new BsonDocument("_id", g.Key);
                            foreach (var acc in spec.Where(e => e.Name != "_id"))
                            {
                                result[acc.Name] = g.Sum(r => Evaluate(r, acc.Value["$sum"]).ToInt32());
                            }

                            return result;
                        }).ToList();
                    break;
                default:
                    throw new InvalidOperationException($"MiniMongo does not know stage {op}");
            }
        }

        return rows;
    }

    private static BsonDocument Update(List<BsonDocument> collection, BsonDocument statement)
    {
        var filter = statement["q"].AsBsonDocument;
        var replacement = statement["u"].AsBsonDocument;
        if (replacement.ElementCount > 0 && replacement.GetElement(0).Name.StartsWith('$'))
        {
            throw new InvalidOperationException("MiniMongo only does replacements");
        }

        var index = collection.FindIndex(d => Matches(d, filter, out _));
        if (index >= 0)
        {
            var id = collection[index]["_id"];
            collection[index] = new BsonDocument(replacement) { ["_id"] = id };
            return new BsonDocument { { "ok", 1 }, { "n", 1 }, { "nModified", 1 } };
        }

        if (!statement.GetValue("upsert", false).ToBoolean())
        {
            return new BsonDocument { { "ok", 1 }, { "n", 0 }, { "nModified", 0 } };
        }

        var document = new BsonDocument(replacement);
        if (!document.Contains("_id") && filter.TryGetValue("_id", out var filterId))
        {
            document.InsertAt(0, new BsonElement("_id", filterId));
        }

        if (collection.Any(d => d["_id"].Equals(document["_id"])))
        {
            return new BsonDocument { { "ok", 1 }, { "n", 0 }, { "writeErrors", new BsonArray { new BsonDocument { { "index", 0 }, { "code", 11000 }, { "errmsg", "E11000 duplicate key error index: _id_" } } } } };
        }

        collection.Add(document);
        return new BsonDocument { { "ok", 1 }, { "n", 1 }, { "nModified", 0 }, { "upserted", new BsonArray { new BsonDocument { { "index", 0 }, { "_id", document["_id"] } } } } };
    }

    private static BsonDocument Delete(List<BsonDocument> collection, BsonDocument statement)
    {
        var filter = statement["q"].AsBsonDocument;
        var matching = collection.Where(d => Matches(d, filter, out _)).ToList();
        if (statement["limit"].ToInt32() == 1)
        {
            matching = matching.Take(1).ToList();
        }

        collection.RemoveAll(d => matching.Contains(d));
        return new BsonDocument { { "ok", 1 }, { "n", matching.Count } };
    }

    private static bool Matches(BsonDocument document, BsonDocument filter, out double score)
    {
        score = 0;
        foreach (var element in filter)
        {
            switch (element.Name)
            {
                case "$and":
                    var total = 0.0;
                    foreach (var clause in element.Value.AsBsonArray)
                    {
                        if (!Matches(document, clause.AsBsonDocument, out var s))
                        {
                            return false;
                        }

                        total += s;
                    }

                    score += total;
                    break;
                case "$or":
                    if (!element.Value.AsBsonArray.Any(c => Matches(document, c.AsBsonDocument, out _)))
                    {
                        return false;
                    }

                    break;
                case "$text":
                    if (!TextMatches(document, element.Value["$search"].AsString, out var textScore))
                    {
                        return false;
                    }

                    score += textScore;
                    break;
                default:
                    if (!FieldMatches(Get(document, element.Name), element.Value))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    // Every quoted phrase must occur (case-insensitively) in title or text; the score counts occurrences, title x3.
    private static bool TextMatches(BsonDocument document, string search, out double score)
    {
        score = 0;
        var title = document.GetValue("title", string.Empty).AsString;
        var text = document.GetValue("text", string.Empty).AsString;
        foreach (Match phrase in Regex.Matches(search, "\"([^\"]*)\""))
        {
            var p = phrase.Groups[1].Value;
            var count = 3 * Regex.Matches(title, Regex.Escape(p), RegexOptions.IgnoreCase).Count + Regex.Matches(text, Regex.Escape(p), RegexOptions.IgnoreCase).Count;
            if (count == 0)
            {
                return false;
            }

            score += count;
        }

        return true;
    }

    private static bool FieldMatches(BsonValue? value, BsonValue condition)
    {
        if (condition is BsonDocument ops && ops.ElementCount > 0 && ops.GetElement(0).Name.StartsWith('$'))
        {
            return ops.All(op => op.Name switch
            {
                "$ne" => !Equal(value, op.Value),
                "$lt" => value is not null && SameKind(value, op.Value) && Compare(value, op.Value) < 0,
                "$lte" => value is not null && SameKind(value, op.Value) && Compare(value, op.Value) <= 0,
                "$gt" => value is not null && SameKind(value, op.Value) && Compare(value, op.Value) > 0,
                "$gte" => value is not null && SameKind(value, op.Value) && Compare(value, op.Value) >= 0,
                "$all" => value is BsonArray a && op.Value.AsBsonArray.All(a.Contains),
                _ => throw new InvalidOperationException($"MiniMongo does not know {op.Name}"),
            });
        }

        if (condition is BsonRegularExpression regex)
        {
            var options = regex.Options.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
            return value switch
            {
                BsonString s => Regex.IsMatch(s.Value, regex.Pattern, options),
                BsonArray a => a.Any(v => v is BsonString s && Regex.IsMatch(s.Value, regex.Pattern, options)),
                _ => false,
            };
        }

        return Equal(value, condition);
    }

    private static bool Equal(BsonValue? value, BsonValue expected) =>
        expected.IsBsonNull ? value is null || value.IsBsonNull
        : value is BsonArray array && !expected.IsBsonArray ? array.Contains(expected)
        : value is not null && value.Equals(expected);

    private static bool SameKind(BsonValue a, BsonValue b) => a.BsonType == b.BsonType || (a.IsNumeric && b.IsNumeric);

    private static BsonValue? Get(BsonDocument document, string path)
    {
        BsonValue? current = document;
        foreach (var part in path.Split('.'))
        {
            current = current is BsonDocument d && d.TryGetValue(part, out var next) ? next : null;
        }

        return current;
    }

    private static BsonValue Evaluate(BsonDocument row, BsonValue expression)
    {
        switch (expression)
        {
            case BsonString s when s.Value.StartsWith('$'):
                return Get(row, s.Value[1..]) ?? BsonNull.Value;
            case BsonDocument { ElementCount: 1 } d when d.GetElement(0).Name.StartsWith('$'):
                var (op, arg) = (d.GetElement(0).Name, d[0]);
                switch (op)
                {
                    case "$ifNull":
                        return arg.AsBsonArray.Select(a => Evaluate(row, a)).FirstOrDefault(v => !v.IsBsonNull) ?? BsonNull.Value;
                    case "$first":
                        return Evaluate(row, arg) is BsonArray { Count: > 0 } first ? first[0] : BsonNull.Value;
                    case "$getField":
                        return Evaluate(row, arg["input"]) is BsonDocument input && input.TryGetValue(arg["field"].AsString, out var f) ? f : BsonNull.Value;
                    case "$regexFind":
                        var match = Regex.Match(Evaluate(row, arg["input"]).AsString, arg["regex"].AsString);
                        return match.Success ? new BsonDocument { { "match", match.Value }, { "captures", new BsonArray(match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)) } } : BsonNull.Value;
                    default:
                        throw new InvalidOperationException($"MiniMongo does not know {op}");
                }

            default:
                return expression;
        }
    }

    private static BsonDocument Project(BsonDocument row, BsonDocument projection)
    {
        var inclusive = projection.Any(p => p.Name != "_id" && p.Value.ToInt32() == 1);
        if (inclusive)
        {
            var result = new BsonDocument();
            if (!(projection.TryGetValue("_id", out var id) && id.ToInt32() == 0))
            {
                result["_id"] = row["_id"];
            }

            foreach (var p in projection.Where(p => p.Name != "_id" && p.Value.ToInt32() == 1 && row.Contains(p.Name)))
            {
                result[p.Name] = row[p.Name];
            }

            return result;
        }

        var copy = row.DeepClone().AsBsonDocument;
        foreach (var p in projection.Where(p => p.Value.ToInt32() == 0))
        {
            copy.Remove(p.Name);
        }

        return copy;
    }

    private static List<BsonDocument> Sort(List<BsonDocument> rows, BsonDocument sort) =>
        rows.Order(Comparer<BsonDocument>.Create((a, b) =>
        {
            foreach (var key in sort)
            {
                var c = Compare(Get(a, key.Name), Get(b, key.Name)) * (key.Value.ToInt32() < 0 ? -1 : 1);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        })).ToList();

    private static int Compare(BsonValue? a, BsonValue? b)
    {
        int Rank(BsonValue? v) => v switch
        {
            null or BsonNull => 0,
            { IsNumeric: true } => 1,
            BsonString => 2,
            BsonDocument => 3,
            BsonArray => 4,
            BsonBinaryData => 5,
            BsonObjectId => 6,
            BsonBoolean => 7,
            BsonDateTime => 8,
            _ => 9,
        };

        var (ra, rb) = (Rank(a), Rank(b));
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        return (a, b) switch
        {
            (BsonBinaryData x, BsonBinaryData y) => x.Bytes.AsSpan().SequenceCompareTo(y.Bytes),
            (BsonString x, BsonString y) => string.CompareOrdinal(x.Value, y.Value),
            (null or BsonNull, _) => 0,
            _ => a!.CompareTo(b!),
        };
    }
}
