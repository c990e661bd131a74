using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>Maps a unified-format collection operation onto the client API; unknown arguments are an error.</summary>
internal static class OperationRunner
{
    public static async Task<BsonValue?> RunAsync(IMongoCollection<BsonDocument> collection, string name, BsonDocument args)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "rawData" }; // rawData: only for 8.2+, ignored below that
        BsonValue? Arg(string key)
        {
            used.Add(key);
            return args.TryGetValue(key, out var v) ? v : null;
        }

        BsonDocument? Doc(string key) => Arg(key)?.AsBsonDocument;
        int? Int(string key) => Arg(key) is { } v ? v.ToInt32() : null;

        BsonValue? result;
        switch (name)
        {
            case "insertOne":
                var document = Doc("document")!;
                await collection.InsertOneAsync(document, new InsertOneOptions { Comment = Arg("comment") });
                result = new BsonDocument("insertedId", document["_id"]);
                break;
            case "insertMany":
                var documents = Arg("documents")!.AsBsonArray.Select(d => d.AsBsonDocument).ToList();
                await collection.InsertManyAsync(documents, new InsertManyOptions { Comment = Arg("comment"), IsOrdered = Arg("ordered")?.ToBoolean() ?? true });
                result = new BsonDocument("insertedIds", new BsonDocument(documents.Select((d, i) => new BsonElement(i.ToString(System.Globalization.CultureInfo.InvariantCulture), d["_id"]))));
                break;
            case "updateOne" or "updateMany" or "replaceOne":
                var options = new UpdateOptions { IsUpsert = Arg("upsert")?.ToBoolean() ?? false, Comment = Arg("comment") };
                var (matched, modified, upsertedId) = name switch
                {
                    "updateOne" => await collection.UpdateOneAsync(Doc("filter")!, Doc("update")!, options) is var u ? (u.MatchedCount, u.ModifiedCount, u.UpsertedId) : default,
                    "updateMany" => await collection.UpdateManyAsync(Doc("filter")!, Doc("update")!, options) is var m ? (m.MatchedCount, m.ModifiedCount, m.UpsertedId) : default,
                    _ => await collection.ReplaceOneAsync(Doc("filter")!, Doc("replacement")!, options) is var r ? (r.MatchedCount, r.ModifiedCount, r.UpsertedId) : default,
                };
                result = new BsonDocument { { "matchedCount", matched }, { "modifiedCount", modified }, { "upsertedCount", upsertedId is null ? 0 : 1 } };
                break;
            case "deleteOne" or "deleteMany":
                var delete = name == "deleteOne"
                    ? await collection.DeleteOneAsync(Doc("filter")!, new DeleteOptions { Comment = Arg("comment") })
                    : await collection.DeleteManyAsync(Doc("filter")!, new DeleteOptions { Comment = Arg("comment") });
                result = new BsonDocument("deletedCount", delete.DeletedCount);
                break;
            case "find" or "findOne":
                var find = new FindOptions
                {
                    Sort = Doc("sort"),
                    Projection = Doc("projection"),
                    Skip = Int("skip"),
                    Limit = Int("limit"),
                    BatchSize = Int("batchSize"),
                    Comment = Arg("comment"),
                    Hint = Arg("hint"),
                    Max = Doc("max"),
                    Min = Doc("min"),
                    MaxTime = Int("maxTimeMS") is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                    ReturnKey = Arg("returnKey")?.ToBoolean(),
                    ShowRecordId = Arg("showRecordId")?.ToBoolean(),
                };
                result = name == "find"
                    ? new BsonArray(await (await collection.FindAsync(Doc("filter")!, find)).ToListAsync())
                    : (BsonValue?)await collection.FindOneAsync(Doc("filter")!, find) ?? BsonNull.Value;
                break;
            case "aggregate":
                var pipeline = Arg("pipeline")!.AsBsonArray.Select(s => s.AsBsonDocument);
                result = new BsonArray(await (await collection.AggregateAsync(pipeline, new AggregateOptions { BatchSize = Int("batchSize"), Comment = Arg("comment") })).ToListAsync());
                break;
            case "countDocuments":
                result = await collection.CountDocumentsAsync(Doc("filter")!, new CountOptions { Comment = Arg("comment"), Skip = Int("skip"), Limit = Int("limit") });
                break;
            case "estimatedDocumentCount":
                result = await collection.EstimatedDocumentCountAsync();
                break;
            case "createIndex":
                var indexName = await collection.Indexes.CreateOneAsync(new CreateIndexModel(Doc("keys")!, new CreateIndexOptions { Name = Arg("name")?.AsString }));
                result = indexName;
                break;
            case "listIndexes":
                result = new BsonArray(await (await collection.Indexes.ListAsync()).ToListAsync());
                break;
            case "dropIndex":
                await collection.Indexes.DropOneAsync(Arg("name")!.AsString);
                result = null;
                break;
            default:
                throw new InvalidOperationException($"operation {name} is not supported by the harness");
        }

        var unknown = args.Names.Where(n => !used.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{name}: unsupported arguments {string.Join(", ", unknown)}");
        }

        return result;
    }
}
