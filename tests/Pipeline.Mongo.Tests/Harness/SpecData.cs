using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>Finds ../shared/datasets/mongo-spec and reads its Extended JSON files.</summary>
internal static class SpecData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Parses a relaxed/canonical Extended JSON file (MongoDB.Bson's JSON reader).</summary>
    public static BsonDocument Load(string relative) => BsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(PathOf(folder), "*.json").Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "mongo-spec");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/datasets/mongo-spec was not found above " + AppContext.BaseDirectory);
    }
}
