namespace Pipeline.Tagging.Benchmarks;

/// <summary>Finds ../shared/datasets from the repository root (the folder holding Pipeline.sln).</summary>
internal static class Paths
{
    public static string Datasets()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                }
            }
        }

        throw new DirectoryNotFoundException("Pipeline.sln not found above the current directory.");
    }
}
