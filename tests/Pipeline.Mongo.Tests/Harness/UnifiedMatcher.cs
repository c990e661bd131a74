using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>
/// The unified test format's "Evaluating Matches": extra fields allowed in root documents only, flexible numerics,
/// and the special operators $$exists, $$unsetOrMatches and $$type. Any other $$ operator is a failure, so an
/// unsupported expectation can never pass by accident.
/// </summary>
internal static class UnifiedMatcher
{
    public static List<string> Match(BsonValue expected, BsonValue? actual, bool root = true)
    {
        var errors = new List<string>();
        Match(expected, actual, root, "$", errors);
        return errors;
    }

    private static void Match(BsonValue expected, BsonValue? actual, bool root, string path, List<string> errors)
    {
        if (expected is BsonDocument doc && IsOperator(doc))
        {
            MatchOperator(doc, actual, path, errors);
            return;
        }

        if (actual is null)
        {
            errors.Add($"{path}: missing, expected {TestJson.Of(expected)}");
            return;
        }

        switch (expected)
        {
            case BsonDocument expectedDoc:
                if (actual is not BsonDocument actualDoc)
                {
                    errors.Add($"{path}: expected a document, got {TestJson.Of(actual)}");
                    return;
                }

                foreach (var element in expectedDoc)
                {
                    var present = actualDoc.TryGetValue(element.Name, out var value);
                    if (element.Value is BsonDocument op && IsOperator(op))
                    {
                        var name = op.GetElement(0).Name;
                        if (name == "$$exists")
                        {
                            if (present != op[0].ToBoolean())
                            {
                                errors.Add($"{path}.{element.Name}: $$exists {op[0]} but present={present}");
                            }

                            continue;
                        }

                        if (name == "$$unsetOrMatches" && !present)
                        {
                            continue;
                        }
                    }

                    Match(element.Value, present ? value : null, false, $"{path}.{element.Name}", errors);
                }

                if (!root)
                {
                    foreach (var element in actualDoc)
                    {
                        if (!expectedDoc.Contains(element.Name))
                        {
                            errors.Add($"{path}: unexpected field {element.Name}");
                        }
                    }
                }

                return;
            case BsonArray expectedArray:
                if (actual is not BsonArray actualArray)
                {
                    errors.Add($"{path}: expected an array, got {TestJson.Of(actual)}");
                    return;
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    errors.Add($"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}: {TestJson.Of(actualArray)}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Match(expectedArray[i], actualArray[i], false, $"{path}[{i}]", errors);
                }

                return;
            default:
                if (expected.IsNumeric && actual.IsNumeric && !expected.IsDecimal128 && !actual.IsDecimal128)
                {
                    if (expected.ToDouble() != actual.ToDouble())
                    {
                        errors.Add($"{path}: expected {TestJson.Of(expected)}, got {TestJson.Of(actual)}");
                    }

                    return;
                }

                if (expected.BsonType != actual.BsonType || !expected.Equals(actual))
                {
                    errors.Add($"{path}: expected {TestJson.Of(expected)} ({expected.BsonType}), got {TestJson.Of(actual)} ({actual.BsonType})");
                }

                return;
        }
    }

    private static void MatchOperator(BsonDocument op, BsonValue? actual, string path, List<string> errors)
    {
        var name = op.GetElement(0).Name;
        var argument = op[0];
        switch (name)
        {
            case "$$unsetOrMatches":
                if (actual is not null)
                {
                    Match(argument, actual, true, path, errors);
                }

                return;
            case "$$exists":
                if ((actual is not null) != argument.ToBoolean())
                {
                    errors.Add($"{path}: $$exists {argument} but present={actual is not null}");
                }

                return;
            case "$$type":
                var types = argument.IsBsonArray ? argument.AsBsonArray.Select(t => t.AsString).ToList() : [argument.AsString];
                if (actual is null || !types.Contains(TypeAlias(actual.BsonType)))
                {
                    errors.Add($"{path}: expected type {string.Join("|", types)}, got {(actual is null ? "missing" : TypeAlias(actual.BsonType))}");
                }

                return;
            default:
                errors.Add($"{path}: unsupported special operator {name}");
                return;
        }
    }

    private static bool IsOperator(BsonDocument doc) =>
        doc.ElementCount == 1 && doc.GetElement(0).Name.StartsWith("$$", StringComparison.Ordinal);

    private static string TypeAlias(BsonType type) => type switch
    {
        BsonType.Double => "double",
        BsonType.String => "string",
        BsonType.Document => "object",
        BsonType.Array => "array",
        BsonType.Binary => "binData",
        BsonType.ObjectId => "objectId",
        BsonType.Boolean => "bool",
        BsonType.DateTime => "date",
        BsonType.Null => "null",
        BsonType.RegularExpression => "regex",
        BsonType.Int32 => "int",
        BsonType.Timestamp => "timestamp",
        BsonType.Int64 => "long",
        BsonType.Decimal128 => "decimal",
        _ => type.ToString(),
    };
}
