using System.Diagnostics;
using System.Text;

namespace Pipeline.Integration.Tests;

/// <summary>Paths in the checkout and the data beside it, and running the project's programs.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "..", "shared", "seeds");

    public static string Gold => Path.Combine(Root, "..", "shared", "gold");

    /// <summary>The build configuration these tests were built with (the services were built with it too).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ServiceDll(string project) =>
        Path.Combine(Root, "services", project, "bin", Configuration, "net10.0", project + ".dll");

    public static string CliDll => Path.Combine(Root, "services", "Pipeline.Cli", "bin", Configuration, "net10.0", "pipeline.dll");

    /// <summary>Runs a program to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
    }
}
