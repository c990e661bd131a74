using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Spec;

/// <summary>
/// Runs the unified CRUD, command-monitoring, index-management and retryable-writes tests against a fake
/// one-member replica set (MongoDB 8.0): the commands the client sends must match <c>expectEvents</c>, errors
/// must match <c>expectError</c>, and for insert-only tests the server-side documents must match <c>outcome</c>.
/// </summary>
public sealed class UnifiedSpecTests
{
    private static readonly string[] Folders = ["unified/crud", "unified/command-monitoring", "unified/index-management", "unified/retryable-writes"];

    /// <summary>Cases deliberately not run, and why (checked by <see cref="Only_the_listed_cases_are_left_out"/>).</summary>
    private static readonly Dictionary<string, string> LeftOut = new(StringComparer.Ordinal)
    {
        ["unified/crud/estimatedDocumentCount.json: estimatedDocumentCount with maxTimeMS"] = "EstimatedDocumentCountAsync takes no options",
        ["unified/crud/estimatedDocumentCount.json: estimatedDocumentCount works correctly on views"] = "createCollection/dropCollection entity operations are not emulated",
        ["unified/crud/estimatedDocumentCount.json: estimatedDocumentCount on non-existent collection"] = "needs a server that knows which collections exist",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, description, reason) in AllCases())
        {
            if (reason is null && !LeftOut.ContainsKey($"{file}: {description}"))
            {
                data.Add(file, description);
            }
        }

        return data;
    }

    [Fact]
    public void Only_the_listed_cases_are_left_out()
    {
        var all = AllCases().ToList();
        var leftOutByVersion = all.Where(c => c.Reason is not null).ToList();
        Assert.All(leftOutByVersion, c => Assert.Contains("server version", c.Reason!, StringComparison.Ordinal));
        Assert.All(LeftOut.Keys, key => Assert.Contains(all, c => $"{c.File}: {c.Description}" == key && c.Reason is null));
        Assert.True(all.Count - leftOutByVersion.Count - LeftOut.Count >= 40, $"only {all.Count - leftOutByVersion.Count - LeftOut.Count} cases run");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Spec_case_runs_as_specified(string file, string description)
    {
        var spec = SpecData.Load(file);
        var test = spec["tests"].AsBsonArray.Select(t => t.AsBsonDocument).Single(t => t["description"].AsString == description);
        var recorded = RecordedReplies(test);
        var server = new FailPointServer(recorded, spec.GetValue("initialData", new BsonArray()).AsBsonArray);
        await using var fake = new FakeMongoServer(server.Handle);
        fake.Hello = FakeMongoServer.StandardHello("rs", hosts: [fake.Address]);

        var entities = new Entities(fake.Address);
        entities.Create(spec["createEntities"].AsBsonArray);
        try
        {
            foreach (var operation in test["operations"].AsBsonArray.Select(o => o.AsBsonDocument))
            {
                await RunOperationAsync(operation, entities, server);
            }

            foreach (var expected in test.GetValue("expectEvents", new BsonArray()).AsBsonArray.Select(e => e.AsBsonDocument))
            {
                var client = entities.Clients[expected["client"].AsString];
                var actual = client.Listener.Events.Where(e => client.Observes(e)).ToList();
                var events = expected["events"].AsBsonArray.Select(e => e.AsBsonDocument).ToList();
                Assert.True(events.Count == actual.Count, $"expected {events.Count} events, got {actual.Count}: {string.Join("; ", actual.Select(Describe))}");
                for (var i = 0; i < events.Count; i++)
                {
                    AssertEvent(events[i], actual[i]);
                }
            }

            if (test.TryGetValue("outcome", out var outcome) && test["operations"].AsBsonArray.All(o => o["name"].AsString is "insertOne" or "insertMany" or "failPoint" or "createEntities"))
            {
                foreach (var collection in outcome.AsBsonArray.Select(c => c.AsBsonDocument))
                {
                    var documents = server.Documents($"{collection["databaseName"]}.{collection["collectionName"]}");
                    Assert.Empty(UnifiedMatcher.Match(collection["documents"], new BsonArray(documents), root: false));
                }
            }
        }
        finally
        {
            await entities.DisposeAsync();
        }
    }

    private static async Task RunOperationAsync(BsonDocument operation, Entities entities, FailPointServer server)
    {
        var name = operation["name"].AsString;
        var args = operation.GetValue("arguments", new BsonDocument()).AsBsonDocument;
        if (operation["object"].AsString == "testRunner")
        {
            if (name == "failPoint")
            {
                server.SetFailPoint(args["failPoint"].AsBsonDocument);
            }
            else if (name == "createEntities")
            {
                entities.Create(args["entities"].AsBsonArray);
            }
            else
            {
                throw new InvalidOperationException($"testRunner operation {name} is not supported");
            }

            return;
        }

        var collection = entities.Collections[operation["object"].AsString];
        if (operation.TryGetValue("expectResult", out var expectedResult))
        {
            if (expectedResult.IsBsonArray)
            {
                server.CursorDocuments = expectedResult.AsBsonArray.Select(d => d.AsBsonDocument).ToList();
            }
            else if (expectedResult.IsNumeric)
            {
                server.CountResult = expectedResult;
            }
            else if (name == "findOne")
            {
                server.CursorDocuments = [expectedResult.AsBsonDocument];
            }
            else if (expectedResult.IsBsonDocument)
            {
                server.WriteCounts = expectedResult.AsBsonDocument;
            }
        }

        BsonValue? result = null;
        Exception? error = null;
        try
        {
            result = await OperationRunner.RunAsync(collection, name, args);
        }
        catch (MongoException ex)
        {
            error = ex;
        }

        if (operation.TryGetValue("expectError", out var expectError))
        {
            Assert.True(error is not null, $"{name} should have failed");
            var e = expectError.AsBsonDocument;
            if (e.TryGetValue("isClientError", out var isClient))
            {
                // Network errors count as client errors in the unified format.
                Assert.Equal(isClient.ToBoolean(), error is MongoClientException or MongoConnectionException);
            }

            if (e.TryGetValue("errorLabelsContain", out var contain))
            {
                Assert.All(contain.AsBsonArray, l => Assert.Contains(l.AsString, ((MongoException)error!).ErrorLabels));
            }

            if (e.TryGetValue("errorLabelsOmit", out var omit))
            {
                Assert.All(omit.AsBsonArray, l => Assert.DoesNotContain(l.AsString, ((MongoException)error!).ErrorLabels));
            }

            if (e.TryGetValue("errorCode", out var code))
            {
                Assert.Equal(code.ToInt32(), error switch
                {
                    MongoCommandException c => c.Code,
                    MongoWriteException w => w.WriteError.Code,
                    _ => -1,
                });
            }

            return;
        }

        Assert.True(error is null, $"{name} failed: {error}");
        if (expectedResult is not null)
        {
            var errors = UnifiedMatcher.Match(expectedResult, result, root: !expectedResult.IsBsonArray);
            if (expectedResult.IsBsonArray)
            {
                // find/aggregate results are arrays of root-level documents
                errors = expectedResult.AsBsonArray.Count == result!.AsBsonArray.Count
                    ? expectedResult.AsBsonArray.Zip(result.AsBsonArray).SelectMany(p => UnifiedMatcher.Match(p.First, p.Second)).ToList()
                    : [$"expected {expectedResult.AsBsonArray.Count} results, got {result.AsBsonArray.Count}"];
            }

            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    private static void AssertEvent(BsonDocument expected, object actual)
    {
        var (kind, body) = (expected.GetElement(0).Name, expected[0].AsBsonDocument);
        switch (kind, actual)
        {
            case ("commandStartedEvent", CommandStartedEvent started):
                if (body.TryGetValue("command", out var command))
                {
                    var errors = UnifiedMatcher.Match(command, started.Command);
                    Assert.True(errors.Count == 0, $"{TestJson.Of(started.Command)}\n" + string.Join("\n", errors));
                }

                AssertName(body, started.CommandName, started.DatabaseName);
                break;
            case ("commandSucceededEvent", CommandSucceededEvent succeeded):
                if (body.TryGetValue("reply", out var reply))
                {
                    var errors = UnifiedMatcher.Match(reply, succeeded.Reply);
                    Assert.True(errors.Count == 0, $"{TestJson.Of(succeeded.Reply)}\n" + string.Join("\n", errors));
                }

                AssertName(body, succeeded.CommandName, succeeded.DatabaseName);
                break;
            case ("commandFailedEvent", CommandFailedEvent failed):
                AssertName(body, failed.CommandName, failed.DatabaseName);
                break;
            default:
                Assert.Fail($"expected {kind}, got {Describe(actual)}");
                break;
        }
    }

    private static void AssertName(BsonDocument body, string commandName, string databaseName)
    {
        if (body.TryGetValue("commandName", out var n))
        {
            Assert.Equal(n.AsString, commandName);
        }

        if (body.TryGetValue("databaseName", out var d))
        {
            Assert.Equal(d.AsString, databaseName);
        }
    }

    private static string Describe(object e) => e switch
    {
        CommandStartedEvent s => $"started {TestJson.Of(s.Command)}",
        CommandSucceededEvent s => $"succeeded {s.CommandName} {TestJson.Of(s.Reply)}",
        CommandFailedEvent f => $"failed {f.CommandName} {f.Failure.Message}",
        _ => e.ToString()!,
    };

    /// <summary>For each command, the recorded reply (document), a recorded failure (BsonNull), or nothing.</summary>
    private static List<BsonValue?> RecordedReplies(BsonDocument test)
    {
        var replies = new List<BsonValue?>();
        foreach (var client in test.GetValue("expectEvents", new BsonArray()).AsBsonArray)
        {
            var events = client["events"].AsBsonArray.Select(e => e.AsBsonDocument).ToList();
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].GetElement(0).Name != "commandStartedEvent")
                {
                    continue;
                }

                var next = i + 1 < events.Count ? events[i + 1] : null;
                replies.Add(next?.GetElement(0).Name switch
                {
                    "commandSucceededEvent" when next[0].AsBsonDocument.Contains("reply") => next[0]["reply"],
                    "commandFailedEvent" => BsonNull.Value,
                    _ => null,
                });
            }

            break;
        }

        return replies;
    }

    private static IEnumerable<(string File, string Description, string? Reason)> AllCases()
    {
        foreach (var folder in Folders)
        {
            foreach (var file in SpecData.Files(folder))
            {
                var spec = SpecData.Load(file);
                var fileOk = Requirements.Satisfied(spec.GetValue("runOnRequirements", BsonNull.Value));
                foreach (var test in spec["tests"].AsBsonArray.Select(t => t.AsBsonDocument))
                {
                    var ok = fileOk && Requirements.Satisfied(test.GetValue("runOnRequirements", BsonNull.Value));
                    yield return (file, test["description"].AsString, ok ? null : "needs another server version or topology than MongoDB 8.0 replica set");
                }
            }
        }
    }
}
