using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>
/// The server side of a unified test run: answers with the replies recorded in the test (commandSucceededEvent /
/// commandFailedEvent), else with replies synthesised from the expected results; emulates the <c>failCommand</c>
/// fail point; and keeps inserted documents (with retryable-write de-duplication by lsid + txnNumber) so the
/// test's <c>outcome</c> can be checked.
/// </summary>
internal sealed class FailPointServer
{
    private readonly Lock _lock = new();
    private readonly Queue<BsonValue?> _recordedReplies;
    private readonly Dictionary<string, List<BsonDocument>> _collections = [];
    private readonly HashSet<string> _executedTransactions = [];
    private readonly List<BsonDocument> _cursorDocuments = [];
    private BsonDocument? _failPoint;
    private int _failTimes;
    private int _cursorPosition;

    public FailPointServer(IEnumerable<BsonValue?> recordedReplies, BsonArray? initialData)
    {
        _recordedReplies = new Queue<BsonValue?>(recordedReplies);
        foreach (var data in initialData ?? [])
        {
            var d = data.AsBsonDocument;
            _collections[$"{d["databaseName"]}.{d["collectionName"]}"] = d["documents"].AsBsonArray.Select(x => x.AsBsonDocument).ToList();
        }
    }

    /// <summary>Documents find/aggregate return (the operation's expected result), served in the requested batches.</summary>
    public List<BsonDocument> CursorDocuments
    {
        set
        {
            _cursorDocuments.Clear();
            _cursorDocuments.AddRange(value);
            _cursorPosition = 0;
        }
    }

    public BsonValue? CountResult { get; set; }

    /// <summary>The expected matched/modified/deleted counts of the next write, replayed as the server's n/nModified.</summary>
    public BsonDocument? WriteCounts { get; set; }

    public void SetFailPoint(BsonDocument failPoint)
    {
        lock (_lock)
        {
            _failPoint = failPoint["data"].AsBsonDocument;
            _failTimes = failPoint["mode"].AsBsonDocument["times"].ToInt32();
        }
    }

    public IReadOnlyList<BsonDocument> Documents(string ns)
    {
        lock (_lock)
        {
            return _collections.GetValueOrDefault(ns) ?? [];
        }
    }

    public FakeReply? Handle(BsonDocument command)
    {
        var name = command.GetElement(0).Name;
        if (name is "hello" or "isMaster" or "ismaster" or "endSessions")
        {
            return null;
        }

        lock (_lock)
        {
            if (_failPoint is { } fp && _failTimes > 0 && fp["failCommands"].AsBsonArray.Contains(name))
            {
                _failTimes--;
                if (fp.GetValue("closeConnection", false).ToBoolean())
                {
                    _recordedReplies.TryDequeue(out _);
                    return FakeReply.Close;
                }

                if (fp.Contains("errorCode"))
                {
                    _recordedReplies.TryDequeue(out _);
                    var error = new BsonDocument { { "ok", 0 }, { "code", fp["errorCode"] }, { "errmsg", "failpoint" } };
                    if (fp.TryGetValue("errorLabels", out var labels))
                    {
                        error["errorLabels"] = labels;
                    }

                    return FakeReply.Of(error);
                }

                if (fp.TryGetValue("writeConcernError", out var wce))
                {
                    var reply = Execute(command, name);
                    reply["writeConcernError"] = wce;
                    if (fp.TryGetValue("errorLabels", out var labels))
                    {
                        reply["errorLabels"] = labels;
                    }

                    _recordedReplies.TryDequeue(out _);
                    return FakeReply.Of(reply);
                }
            }

            if (_recordedReplies.TryDequeue(out var recorded) && recorded is not null)
            {
                Execute(command, name);
                return FakeReply.Of(recorded.IsBsonDocument ? Concrete(recorded.AsBsonDocument) : Failure());
            }

            return FakeReply.Of(Execute(command, name));
        }
    }

    private BsonDocument Execute(BsonDocument command, string name)
    {
        var ns = $"{command["$db"]}.{command[0]}";
        switch (name)
        {
            case "insert":
                var txn = command.TryGetValue("txnNumber", out var t) ? $"{Convert.ToHexString(command["lsid"]["id"].AsBsonBinaryData.Bytes)}/{t}" : null;
                if (txn is not null && !_executedTransactions.Add(txn))
                {
                    return new BsonDocument { { "ok", 1 }, { "n", command["documents"].AsBsonArray.Count } };
                }

                var collection = _collections.TryGetValue(ns, out var c) ? c : _collections[ns] = [];
                var n = 0;
                var writeErrors = new BsonArray();
                foreach (var (document, index) in command["documents"].AsBsonArray.Select((d, i) => (d.AsBsonDocument, i)))
                {
                    if (collection.Any(d => d["_id"].Equals(document["_id"])))
                    {
                        writeErrors.Add(new BsonDocument { { "index", index }, { "code", 11000 }, { "errmsg", "E11000 duplicate key error" } });
                        continue;
                    }

                    collection.Add(document);
                    n++;
                }

                var result = new BsonDocument { { "ok", 1 }, { "n", n } };
                if (writeErrors.Count > 0)
                {
                    result["writeErrors"] = writeErrors;
                }

                return result;
            case "update" when WriteCounts is { } counts && !counts.Contains("$$unsetOrMatches"):
                return new BsonDocument { { "ok", 1 }, { "n", counts.GetValue("matchedCount", 0).ToInt32() + counts.GetValue("upsertedCount", 0).ToInt32() }, { "nModified", counts.GetValue("modifiedCount", 0) } };
            case "delete" when WriteCounts is { } counts && counts.Contains("deletedCount"):
                return new BsonDocument { { "ok", 1 }, { "n", counts["deletedCount"] } };
            case "update":
                var statement = command["updates"][0].AsBsonDocument;
                return statement.GetValue("upsert", false).ToBoolean()
                    ? new BsonDocument { { "ok", 1 }, { "n", 1 }, { "upserted", new BsonArray { new BsonDocument { { "index", 0 }, { "_id", statement["q"].AsBsonDocument.GetValue("_id", 1) } } } } }
                    : new BsonDocument { { "ok", 1 }, { "n", 1 }, { "nModified", 1 } };
            case "delete":
                return new BsonDocument { { "ok", 1 }, { "n", 1 } };
            case "find":
            case "aggregate":
                if (CountResult is not null && name == "aggregate")
                {
                    return CursorReply(ns, [new BsonDocument { { "_id", 1 }, { "n", CountResult } }], 0, "firstBatch");
                }

                _cursorPosition = 0;
                var size = name == "find" ? command.GetValue("batchSize", int.MaxValue).ToInt32() : command["cursor"].AsBsonDocument.GetValue("batchSize", int.MaxValue).ToInt32();
                return NextBatch(ns, size, command.GetValue("singleBatch", false).ToBoolean(), "firstBatch");
            case "getMore":
                return NextBatch(ns.Replace(command[0].ToString()!, command["collection"].AsString, StringComparison.Ordinal), command.GetValue("batchSize", int.MaxValue).ToInt32(), false, "nextBatch");
            case "killCursors":
                return new BsonDocument { { "ok", 1 }, { "cursorsKilled", command["cursors"] } };
            case "count":
                return new BsonDocument { { "ok", 1 }, { "n", CountResult ?? 0 } };
            case "createIndexes":
                return new BsonDocument { { "ok", 1 }, { "numIndexesBefore", 1 }, { "numIndexesAfter", 2 } };
            case "dropIndexes":
                return new BsonDocument { { "ok", 1 } };
            case "listIndexes":
                return CursorReply(ns, [new BsonDocument { { "v", 2 }, { "key", new BsonDocument("_id", 1) }, { "name", "_id_" } }], 0, "firstBatch");
            default:
                return Failure();
        }
    }

    private BsonDocument NextBatch(string ns, int size, bool singleBatch, string field)
    {
        var batch = _cursorDocuments.Skip(_cursorPosition).Take(size).ToList();
        _cursorPosition += batch.Count;
        var more = !singleBatch && _cursorPosition < _cursorDocuments.Count;
        return CursorReply(ns, batch, more ? 4242L : 0L, field);
    }

    private static BsonDocument CursorReply(string ns, List<BsonDocument> batch, long id, string field) => new()
    {
        { "cursor", new BsonDocument { { "id", id }, { "ns", ns }, { field, new BsonArray(batch) } } },
        { "ok", 1 },
    };

    private static BsonDocument Failure() => new() { { "ok", 0 }, { "code", 2 }, { "codeName", "BadValue" }, { "errmsg", "recorded failure" } };

    /// <summary>Turns a recorded reply's matchers into concrete values a server would send.</summary>
    private static BsonDocument Concrete(BsonDocument recorded)
    {
        var result = new BsonDocument();
        foreach (var element in recorded)
        {
            result[element.Name] = Concrete(element.Name, element.Value);
        }

        return result;
    }

    private static BsonValue Concrete(string name, BsonValue value)
    {
        if (value is BsonDocument d && d.ElementCount == 1 && d.GetElement(0).Name == "$$type")
        {
            var type = d[0].IsBsonArray ? d[0][0].AsString : d[0].AsString;
            return (name, type) switch
            {
                ("writeErrors", _) => new BsonArray { new BsonDocument { { "index", 0 }, { "code", 11000 }, { "errmsg", "E11000 duplicate key error" } } },
                (_, "long") => 4242L,
                (_, "int") => 4242,
                (_, "array") => new BsonArray(),
                (_, "string") => "recorded",
                _ => throw new InvalidOperationException($"No concrete value for $$type {type}"),
            };
        }

        return value switch
        {
            BsonDocument doc => Concrete(doc),
            BsonArray array => new BsonArray(array.Select(v => Concrete(string.Empty, v))),
            _ => value,
        };
    }
}
