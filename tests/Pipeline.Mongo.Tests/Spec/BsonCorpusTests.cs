using MongoDB.Bson;
using Pipeline.Mongo.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Spec;

/// <summary>
/// The BSON corpus for the types the client and the store put on the wire or read back: every valid case's
/// canonical (and degenerate) bytes go through <see cref="BsonIo"/> and come back as the canonical bytes, and every
/// decode-error case is refused. Deprecated types (symbol, undefined, dbpointer, code, code_w_scope) and
/// decimal128 are not used and not run.
/// </summary>
public sealed class BsonCorpusTests
{
    private static readonly string[] Used =
        ["array", "binary", "boolean", "datetime", "document", "double", "int32", "int64", "maxkey", "minkey", "null", "oid", "regex", "string", "timestamp", "top", "multi-type"];

    /// <summary>
    /// Valid cases MongoDB.Bson 2.14.1 itself does not round-trip; none is a value we write (checked below so the list
    /// cannot grow silently).
    /// </summary>
    private static readonly Dictionary<string, string> LibraryLimitations = new(StringComparer.Ordinal)
    {
        ["double: -0.0"] = "BsonDouble canonicalises -0.0 to 0.0; scores and counts are never negative zero",
        ["binary: subtype 0x02"] = "the deprecated old-binary subtype is re-written without its inner length; we only write subtypes 0 and 4",
        ["datetime: Y10K"] = "dates past 9999-12-31 are clamped to DateTime.MaxValue; stored dates come from DateTimeOffset",
    };

    public static TheoryData<string, int> Valid()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Used)
        {
            var cases = SpecData.Load($"bson-corpus/{file}.json").GetValue("valid", new BsonArray()).AsBsonArray;
            for (var i = 0; i < cases.Count; i++)
            {
                if (!LibraryLimitations.ContainsKey($"{file}: {cases[i]["description"].AsString}"))
                {
                    data.Add(file, i);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Only_the_listed_library_limitations_are_left_out()
    {
        Assert.Equal(LibraryLimitations.Count, Used.Sum(f => SpecData.Load($"bson-corpus/{f}.json").GetValue("valid", new BsonArray()).AsBsonArray.Count) - Valid().Count);
        foreach (var key in LibraryLimitations.Keys)
        {
            var (file, description) = (key[..key.IndexOf(':', StringComparison.Ordinal)], key[(key.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            var test = SpecData.Load($"bson-corpus/{file}.json")["valid"].AsBsonArray.Single(t => t["description"].AsString == description);
            var canonical = Convert.FromHexString(test["canonical_bson"].AsString);
            Assert.NotEqual(canonical, BsonIo.ToBytes(BsonIo.Read(canonical))); // still a limitation; if it starts passing, run it
        }
    }

    public static TheoryData<string, string> DecodeErrors()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Used)
        {
            foreach (var test in SpecData.Load($"bson-corpus/{file}.json").GetValue("decodeErrors", new BsonArray()).AsBsonArray)
            {
                data.Add(file, test["description"].AsString);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_case_round_trips_to_canonical_bytes(string file, int index)
    {
        var test = SpecData.Load($"bson-corpus/{file}.json")["valid"][index].AsBsonDocument;
        var canonical = Convert.FromHexString(test["canonical_bson"].AsString);
        Assert.Equal(canonical, BsonIo.ToBytes(BsonIo.Read(canonical)));
        if (test.TryGetValue("degenerate_bson", out var degenerate))
        {
            Assert.Equal(canonical, BsonIo.ToBytes(BsonIo.Read(Convert.FromHexString(degenerate.AsString))));
        }

        // The test harness reads the specification files with MongoDB.Bson's Extended JSON reader: it must agree too.
        if (!test.GetValue("lossy", false).ToBoolean())
        {
            Assert.Equal(canonical, BsonIo.ToBytes(BsonDocument.Parse(test["canonical_extjson"].AsString)));
        }
    }

    [Theory]
    [MemberData(nameof(DecodeErrors))]
    public void Malformed_bytes_are_refused(string file, string description)
    {
        var bytes = Convert.FromHexString(Case(file, "decodeErrors", description)["bson"].AsString);
        Assert.Throws<MongoProtocolException>(() => BsonIo.Read(bytes));
    }

    private static BsonDocument Case(string file, string kind, string description) =>
        SpecData.Load($"bson-corpus/{file}.json")[kind].AsBsonArray.Select(t => t.AsBsonDocument).Single(t => t["description"].AsString == description);
}
