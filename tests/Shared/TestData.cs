namespace Pipeline.Tests.Shared;

/// <summary>Finds the project's shared data folder (<c>../shared</c> from the repository root).</summary>
internal static class TestData
{
    public static string SharedDir { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([SharedDir, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "seeds")) && Directory.Exists(System.IO.Path.Combine(candidate, "gold")))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("The shared data folder (../shared with seeds/ and gold/) was not found above " + AppContext.BaseDirectory);
    }
}
