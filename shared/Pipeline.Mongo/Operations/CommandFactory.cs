using MongoDB.Bson;

namespace Pipeline.Mongo.Operations;

/// <summary>Builds the command documents of the CRUD, find/getMore and index-management specifications.</summary>
internal static class CommandFactory
{
    public static BsonDocument Find(string collection, BsonDocument filter, FindOptions? options, bool findOne = false)
    {
        options ??= new FindOptions();
        var command = new BsonDocument { { "find", collection }, { "filter", filter } };
        Add(command, "sort", options.Sort);
        Add(command, "projection", options.Projection);
        Add(command, "hint", options.Hint);
        if (options.Skip is > 0)
        {
            command["skip"] = options.Skip.Value;
        }

        if (findOne)
        {
            command["limit"] = 1;
            command["singleBatch"] = true;
        }
        else
        {
            var limit = options.Limit ?? 0;
            var batchSize = options.BatchSize ?? 0;
            var singleBatch = limit < 0 || batchSize < 0;
            limit = Math.Abs(limit);
            batchSize = Math.Abs(batchSize);
            if (singleBatch && limit == 0)
            {
                limit = batchSize;
            }

            if (limit > 0)
            {
                command["limit"] = limit;
                if (batchSize == limit)
                {
                    // Same limit and batch size would leave an open, exhausted cursor (CRUD spec): ask for one more.
                    batchSize = limit + 1;
                }
            }

            if (batchSize > 0 && !singleBatch)
            {
                command["batchSize"] = batchSize;
            }

            if (singleBatch)
            {
                command["singleBatch"] = true;
            }
        }

        Add(command, "comment", options.Comment);
        if (options.MaxTime is { } maxTime)
        {
            command["maxTimeMS"] = (long)maxTime.TotalMilliseconds;
        }

        Add(command, "max", options.Max);
        Add(command, "min", options.Min);
        Add(command, "returnKey", options.ReturnKey);
        Add(command, "showRecordId", options.ShowRecordId);
        Add(command, "allowDiskUse", options.AllowDiskUse);
        Add(command, "collation", options.Collation);
        return command;
    }

    public static BsonDocument Aggregate(string collection, IEnumerable<BsonDocument> pipeline, AggregateOptions? options)
    {
        options ??= new AggregateOptions();
        var stages = new BsonArray(pipeline);
        var cursor = new BsonDocument();
        var writes = stages.Count > 0 && stages[^1].AsBsonDocument.ElementCount > 0
            && stages[^1].AsBsonDocument.GetElement(0).Name is "$out" or "$merge";
        if (options.BatchSize is { } batchSize && !writes)
        {
            cursor["batchSize"] = batchSize;
        }

        var command = new BsonDocument { { "aggregate", collection }, { "pipeline", stages }, { "cursor", cursor } };
        Add(command, "allowDiskUse", options.AllowDiskUse);
        if (options.MaxTime is { } maxTime)
        {
            command["maxTimeMS"] = (long)maxTime.TotalMilliseconds;
        }

        Add(command, "comment", options.Comment);
        Add(command, "hint", options.Hint);
        Add(command, "let", options.Let);
        Add(command, "collation", options.Collation);
        return command;
    }

    public static BsonDocument CountDocuments(string collection, BsonDocument filter, CountOptions? options)
    {
        var pipeline = new BsonArray { new BsonDocument("$match", filter) };
        if (options?.Skip is > 0)
        {
            pipeline.Add(new BsonDocument("$skip", options.Skip.Value));
        }

        if (options?.Limit is > 0)
        {
            pipeline.Add(new BsonDocument("$limit", options.Limit.Value));
        }

        pipeline.Add(new BsonDocument("$group", new BsonDocument { { "_id", 1 }, { "n", new BsonDocument("$sum", 1) } }));
        var command = new BsonDocument { { "aggregate", collection }, { "pipeline", pipeline }, { "cursor", new BsonDocument() } };
        if (options?.MaxTime is { } maxTime)
        {
            command["maxTimeMS"] = (long)maxTime.TotalMilliseconds;
        }

        Add(command, "comment", options?.Comment);
        Add(command, "hint", options?.Hint);
        return command;
    }

    public static BsonDocument UpdateStatement(BsonDocument filter, BsonDocument update, UpdateOptions? options, bool multi)
    {
        var statement = new BsonDocument { { "q", filter }, { "u", update } };
        if (options?.IsUpsert == true)
        {
            statement["upsert"] = true;
        }

        if (multi)
        {
            statement["multi"] = true;
        }

        Add(statement, "arrayFilters", options?.ArrayFilters is { } filters ? new BsonArray(filters) : null);
        Add(statement, "hint", options?.Hint);
        Add(statement, "collation", options?.Collation);
        return statement;
    }

    public static BsonDocument DeleteStatement(BsonDocument filter, DeleteOptions? options, bool multi)
    {
        var statement = new BsonDocument { { "q", filter }, { "limit", multi ? 0 : 1 } };
        Add(statement, "hint", options?.Hint);
        Add(statement, "collation", options?.Collation);
        return statement;
    }

    public static BsonDocument WriteCommand(string name, string collection, bool ordered, BsonValue? comment, BsonDocument? writeConcern)
    {
        var command = new BsonDocument { { name, collection }, { "ordered", ordered } };
        Add(command, "comment", comment);
        Add(command, "writeConcern", writeConcern);
        return command;
    }

    public static BsonDocument IndexSpec(CreateIndexModel model)
    {
        var o = model.Options;
        var spec = new BsonDocument { { "key", model.Keys }, { "name", o?.Name ?? DefaultIndexName(model.Keys) } };
        Add(spec, "unique", o?.Unique);
        Add(spec, "sparse", o?.Sparse);
        Add(spec, "default_language", o?.DefaultLanguage);
        Add(spec, "language_override", o?.LanguageOverride);
        Add(spec, "weights", o?.Weights);
        Add(spec, "partialFilterExpression", o?.PartialFilterExpression);
        if (o?.ExpireAfter is { } expire)
        {
            spec["expireAfterSeconds"] = (long)expire.TotalSeconds;
        }

        return spec;
    }

    public static string DefaultIndexName(BsonDocument keys) =>
        string.Join("_", keys.Elements.Select(e => $"{e.Name}_{(e.Value.IsNumeric ? e.Value.ToInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : e.Value.ToString())}"));

    private static void Add(BsonDocument command, string name, BsonValue? value)
    {
        if (value is not null)
        {
            command[name] = value;
        }
    }

    private static void Add(BsonDocument command, string name, bool? value)
    {
        if (value is { } v)
        {
            command[name] = v;
        }
    }

    private static void Add(BsonDocument command, string name, string? value)
    {
        if (value is not null)
        {
            command[name] = value;
        }
    }
}
