using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Cli.Bench;

/// <summary>One process under test, started from the command line's own folder; its output goes to a log file.</summary>
internal sealed class BenchProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? readyLine;
    private bool closed;

    private BenchProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Completes when the process writes a line containing the ready marker it was started with.</summary>
    public Task Ready => ready.Task;

    /// <summary>User plus system CPU time so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The peak resident set (VmHWM on Linux; the peak working set elsewhere).</summary>
    public long PeakBytes
    {
        get
        {
            var status = $"/proc/{process.Id}/status";
            if (File.Exists(status))
            {
                foreach (var line in File.ReadLines(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }

            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    /// <summary>Starts <paramref name="assembly"/> (a .dll beside this program) with the same .NET host.</summary>
    public static BenchProcess Start(
        string name, string assembly, IEnumerable<string> arguments, IDictionary<string, string> environment, string logPath, string? readyMarker = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, assembly);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build or publish the command line with its services.");
        }

        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(logPath)),
        };
        // The services run on the command line's dependency set (their own deps files expect packages that the
        // command line takes from the ASP.NET Core shared framework instead).
        foreach (var argument in (string[])["exec", "--runtimeconfig", Path.Combine(AppContext.BaseDirectory, "pipeline.runtimeconfig.json"),
            "--depsfile", Path.Combine(AppContext.BaseDirectory, "pipeline.deps.json"), dll])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var started = new BenchProcess(name, process, log) { readyLine = readyMarker };
        process.OutputDataReceived += (_, e) => started.Write(e.Data);
        process.ErrorDataReceived += (_, e) => started.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (readyLine is not null && line.Contains(readyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }

        lock (log)
        {
            if (!closed)
            {
                log.WriteLine(line);
            }
        }
    }
}
