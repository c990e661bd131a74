using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>Prints BSON for messages; UUIDs (lsid) print as their bytes instead of failing the 2.x legacy check.</summary>
internal static class TestJson
{
#pragma warning disable CS0618 // GuidRepresentation on writer settings is how 2.x prints subtype-4 binaries as they are.
    private static readonly JsonWriterSettings Settings = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson, GuidRepresentation = GuidRepresentation.Unspecified };
#pragma warning restore CS0618

    public static string Of(BsonValue? value) => value switch
    {
        null => "(missing)",
        BsonDocument d => d.ToJson(Settings),
        BsonArray a => a.ToJson(Settings),
        _ => value.ToString() ?? string.Empty,
    };
}
