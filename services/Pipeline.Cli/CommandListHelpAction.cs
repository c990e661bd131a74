using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline --help</c> (and <c>pipeline crawl --help</c>) as System.CommandLine writes it, but with each command listed as its own help writes its
/// usage (<c>search [&lt;TEXT&gt;]</c>, <c>ingest &lt;PATH&gt;...</c>): the default list drops optional brackets and
/// repeats, so the two help texts disagreed.
/// </summary>
internal sealed class CommandListHelpAction(HelpAction fallback) : SynchronousCommandLineAction
{
    /// <summary>Puts this action on the root's help option, which answers for every command below it too.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new CommandListHelpAction(help);
            }
        }
    }

    /// <summary>A command's name and arguments as its own usage line writes them.</summary>
    public static string Label(Command command)
    {
        var label = new StringBuilder(command.Name);
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var name = "<" + argument.Name + ">" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty);
            label.Append(' ').Append(argument.Arity.MinimumNumberOfValues == 0 ? "[" + name + "]" : name);
        }

        return label.ToString();
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        if (!command.Subcommands.Any(c => c.Arguments.Count > 0))
        {
            return fallback.Invoke(parseResult);
        }

        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        var captured = new StringWriter();
        configuration.Output = captured;
        try
        {
            fallback.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(WithCommandLabels(captured.ToString(), command));
        return 0;
    }

    private static string WithCommandLabels(string help, Command parent)
    {
        var lines = help.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == "Commands:");
        if (start < 0)
        {
            return help;
        }

        var end = start + 1;
        while (end < lines.Count && lines[end].Trim().Length > 0)
        {
            end++;
        }

        var commands = parent.Subcommands.Where(c => !c.Hidden).ToList();
        var width = commands.Max(c => Label(c).Length) + 2;
        var rows = commands.Select(c => "  " + Label(c).PadRight(width) + c.Description);
        lines.RemoveRange(start + 1, end - start - 1);
        lines.InsertRange(start + 1, rows);
        return string.Join('\n', lines);
    }
}
