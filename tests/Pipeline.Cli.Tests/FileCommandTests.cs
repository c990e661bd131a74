namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline clean</c> and <c>pipeline tag</c> take several paths, like <c>ingest</c>.</summary>
public sealed class FileCommandTests
{
    [Fact]
    public async Task Clean_and_tag_take_several_files_and_folders()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "more")).FullName;
        var one = Path.Combine(temp.Path, "one.txt");
        await File.WriteAllTextAsync(one, "Ketamine for fibromyalgia\n\nKetamine eased fibromyalgia pain in a small trial of twenty adults over six weeks, the authors reported.");
        await File.WriteAllTextAsync(Path.Combine(folder, "two.txt"), "Aspirin and headache\n\nAspirin relieved headache within an hour in most of the patients who took part in the study.");
        var cleaned = Path.Combine(temp.Path, "cleaned");
        var tagged = Path.Combine(temp.Path, "tagged");

        var (exit, output, error) = await CliRun.RunAsync(CleanCommand.Create(), one, folder, "--out", cleaned);
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(cleaned, "one.txt")));
        Assert.True(File.Exists(Path.Combine(cleaned, "two.json")));
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("cleaned", StringComparison.Ordinal)));

        (exit, _, error) = await CliRun.RunAsync(TagCommand.Create(), one, folder, "--out", tagged);
        Assert.True(exit == 0, error);
        Assert.Contains("\"Chemical\"", await File.ReadAllTextAsync(Path.Combine(tagged, "one.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tagged, "two.json")));

        (exit, _, error) = await CliRun.RunAsync(TagCommand.Create(), Path.Combine(temp.Path, "missing.txt"), "--out", tagged);
        Assert.Equal(2, exit);
        Assert.Contains("No such file or folder", error, StringComparison.Ordinal);
    }
}
