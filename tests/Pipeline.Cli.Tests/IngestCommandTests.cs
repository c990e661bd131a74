using System.Text.RegularExpressions;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline ingest</c> reports each document once.</summary>
public sealed class IngestCommandTests
{
    [Fact]
    public async Task A_rejected_file_is_reported_once_not_again_as_a_log_line()
    {
        using var temp = new TempFolder();
        var menu = Path.Combine(temp.Path, "menu.html");
        await File.WriteAllTextAsync(menu, "<html><body><nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav></body></html>");

        var (exit, output, error) = await CliRun.RunAsync(IngestCommand.Create(), menu, "--data", Path.Combine(temp.Path, "data"));

        Assert.Equal(0, exit);
        var everything = output + error;
        Assert.Single(Regex.Matches(everything, "menu\\.html"));
        Assert.Contains("rejected  " + menu + " (empty-after-cleaning: ", output, StringComparison.Ordinal);
        Assert.Contains("0 stored, 0 unchanged, 0 duplicate, 1 rejected", output, StringComparison.Ordinal);
    }
}
