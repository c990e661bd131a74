namespace Pipeline.Tagging.Tests;

/// <summary>Locates the repository root (the folder holding Pipeline.sln) and the data folder beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Datasets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    public static string Seeds => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));

    public static string Gold => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "gold"));

    public static string DevelopmentSet => Path.Combine(Datasets, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");

    /// <summary>The committed model trained on the BC5CDR training set only (for honest development-set floors).</summary>
    public static string TrainOnlyModel => Path.Combine(RepoRoot, "tests", "Pipeline.Tagging.Tests", "Models", "train-only.model");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Pipeline.sln not found above the test directory.");
    }
}
