using Pipeline.Cli.Fuzz;

namespace Pipeline.Cli.Tests;

public sealed class FuzzCommandTests
{
    [Fact]
    public async Task Fuzzing_the_text_and_pdf_decoders_for_a_few_seconds_reports_each_target_and_finds_no_crash()
    {
        using var folder = new TempFolder();
        var seeds = Directory.CreateDirectory(Path.Combine(folder.Path, "seeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "a.txt"), "Ketamine and fibromyalgia\n\nA first paragraph about pain, sleep and the NMDA receptor.\n");
        await File.WriteAllTextAsync(Path.Combine(seeds, "b.html"), "<!DOCTYPE html><html><head><title>Pain</title></head><body><nav>Home</nav><article><h1>Pain</h1><p>Fibromyalgia is a chronic condition.</p></article></body></html>");
        var output = Path.Combine(folder.Path, "out");

        var (exit, stdout, error) = await CliRun.RunAsync(FuzzCommand.Create(), seeds, "--target", "text", "pdf", "--seconds", "4", "--out", output);

        Assert.True(exit == 0, stdout + error);
        Assert.Contains("1 texts and 1 pages as seeds", stdout, StringComparison.Ordinal);
        foreach (var target in new[] { "text", "pdf" })
        {
            var row = stdout.Split('\n').Single(l => l.StartsWith($"| {target} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            Assert.True(long.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{target} ran no input: {stdout}{error}");
            Assert.Equal("0", row[6]);
            Assert.Equal("0", row[7]);
        }

        Assert.False(Directory.Exists(Path.Combine(output, "crashes")));
    }

    [Fact]
    public async Task An_unknown_target_is_refused_with_the_list_of_known_ones()
    {
        using var folder = new TempFolder();

        var (exit, _, error) = await CliRun.RunAsync(FuzzCommand.Create(), folder.Path, "--target", "jpeg");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown target jpeg", error, StringComparison.Ordinal);
        Assert.Contains("pdf", error, StringComparison.Ordinal);
    }
}
