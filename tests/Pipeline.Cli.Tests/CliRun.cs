using System.CommandLine;

// The commands write to the process's console: tests that capture it run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Pipeline.Cli.Tests;

/// <summary>Runs one command as <c>pipeline</c> would, capturing what it prints.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await new RootCommand("test") { command }.Parse([command.Name, .. args]).InvokeAsync();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
