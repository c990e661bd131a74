using System.Diagnostics;

namespace Pipeline.Integration.Tests;

/// <summary>One service running as its own process, configured only by environment variables; its output goes to a log file.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    public ServiceProcess(string project, IDictionary<string, string> environment, string logPath)
        : this(Repository.ServiceDll(project), [], environment, logPath)
    {
    }

    private ServiceProcess(string dll, IEnumerable<string> arguments, IDictionary<string, string> environment, string logPath)
    {
        LogPath = logPath;
        log = new StreamWriter(logPath) { AutoFlush = true };
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string LogPath { get; }

    /// <summary>The <c>pipeline</c> command line with <paramref name="arguments"/> (e.g. <c>run</c>), as a long-running process.</summary>
    public static ServiceProcess Cli(IEnumerable<string> arguments, IDictionary<string, string> environment, string logPath) =>
        new(Repository.CliDll, arguments, environment, logPath);

    public bool HasExited => process.HasExited;

    public bool WasKilled { get; private set; }

    /// <summary>SIGKILL, as a crash or <c>kill -9</c>: no shutdown code runs.</summary>
    public void KillHard()
    {
        WasKilled = true;
        process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
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
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
