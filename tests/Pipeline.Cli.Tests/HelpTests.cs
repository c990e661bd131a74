using System.CommandLine;

namespace Pipeline.Cli.Tests;

/// <summary>The list of commands in <c>pipeline --help</c> and each command's own usage line say the same.</summary>
public sealed class HelpTests
{
    private static async Task<string> HelpAsync(params string[] args)
    {
        var output = new StringWriter();
        var root = PipelineRoot.Create();
        var parse = root.Parse([.. args, "--help"]);
        parse.InvocationConfiguration.Output = output;
        Assert.Equal(0, await parse.InvokeAsync());
        return output.ToString();
    }

    [Fact]
    public async Task Each_command_is_listed_as_its_own_help_writes_its_usage()
    {
        var root = PipelineRoot.Create();
        var list = await HelpAsync();

        Assert.Contains("  search [<TEXT>]  ", list, StringComparison.Ordinal);
        Assert.Contains("  ingest <PATH>...  ", list, StringComparison.Ordinal);
        Assert.Contains("  clean <PATH>...  ", list, StringComparison.Ordinal);
        Assert.Contains("  tag <PATH>...  ", list, StringComparison.Ordinal);
        await AssertListedAsUsedAsync(root, [], list);
        await AssertListedAsUsedAsync(root.Subcommands.Single(c => c.Name == "crawl"), ["crawl"], await HelpAsync("crawl"));
    }

    private static async Task AssertListedAsUsedAsync(Command parent, string[] path, string list)
    {
        foreach (var command in parent.Subcommands)
        {
            var usage = (await HelpAsync([.. path, command.Name])).Split('\n').SkipWhile(l => l.Trim() != "Usage:").Skip(1).First().Trim();
            var label = CommandListHelpAction.Label(command);
            Assert.Contains(" " + string.Join(' ', [.. path, label]) + " ", usage + " ", StringComparison.Ordinal);
            Assert.Contains("  " + label + "  ", list, StringComparison.Ordinal);
            Assert.Contains(command.Description!, list, StringComparison.Ordinal);
        }
    }
}
