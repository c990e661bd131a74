using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<string> Data() =>
        new("--data") { Description = "The data folder holding the store.", DefaultValueFactory = _ => "data" };

    public static Option<string> Out() =>
        new("--out") { Description = "The output folder (created if missing).", Required = true };

    /// <summary>As <see cref="ExpandFiles"/>, or null after printing which path does not exist.</summary>
    public static async Task<IReadOnlyList<string>?> ExpandFilesOrReportAsync(IEnumerable<string> paths)
    {
        try
        {
            return ExpandFiles(paths);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
    }

    /// <summary>The files named, and every file under the folders named, sorted, without hidden files.</summary>
    public static IReadOnlyList<string> ExpandFiles(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden }))
                {
                    if (!Path.GetFileName(file).StartsWith('.'))
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}");
            }
        }

        return files.ToList();
    }
}
