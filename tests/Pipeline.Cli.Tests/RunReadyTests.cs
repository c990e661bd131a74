using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline run</c> says, once it is up, where things are and how to stop it, and what became of the files dropped in.</summary>
public sealed class RunReadyTests
{
    [Fact]
    public async Task Once_ready_run_prints_the_inbox_the_data_the_page_and_how_to_stop_and_the_page_answers()
    {
        using var temp = new TempFolder();
        var inbox = Path.Combine(temp.Path, "inbox");
        var data = Path.Combine(temp.Path, "data");
        HttpStatusCode? status = null;
        var (output, port) = await RunUntilDoneAsync(inbox, data, async port =>
        {
            using var client = new HttpClient();
            status = (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"))).StatusCode;
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var ready = lines.IndexOf("Pipeline ready.");
        Assert.True(ready > 0, output);
        Assert.StartsWith($"  Inbox:  {inbox}  (drop .txt ", lines[ready + 1], StringComparison.Ordinal);
        Assert.Equal($"  Data:   {data}", lines[ready + 2]);
        Assert.Equal($"  Page:   http://127.0.0.1:{port}/  (API: http://127.0.0.1:{port}/openapi/v1.json)", lines[ready + 3]);
        Assert.Equal("  Stop:   Ctrl+C", lines[ready + 4]);
        Assert.True(Directory.Exists(inbox));
    }

    [Fact]
    public async Task A_file_the_cleaner_rejects_is_reported_once_naming_the_file_the_stage_and_the_reason()
    {
        using var temp = new TempFolder();
        var inbox = Path.Combine(temp.Path, "inbox");
        var failed = Path.Combine(inbox, "failed", "fake.pdf");
        var (output, _) = await RunUntilDoneAsync(inbox, Path.Combine(temp.Path, "data"), async _ =>
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, "fake.pdf"), "This is plain text, not a PDF.");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!File.Exists(failed + ".error.json"))
            {
                await Task.Delay(100, wait.Token);
            }
        });

        Assert.True(File.Exists(failed), output);
        var mentions = output.Split('\n').Where(l => l.Contains("fake.pdf", StringComparison.Ordinal) && l.Contains("corrupt", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(mentions);
        Assert.Matches(@"warn: .* fake\.pdf failed at cleaner: corrupt \(.+\); moved to failed/$", line.TrimEnd());
    }

    /// <summary>Starts <c>pipeline run</c> on a free port, once it is ready does <paramref name="act"/>, stops it and returns all it printed and the port.</summary>
    private static async Task<(string Output, int Port)> RunUntilDoneAsync(string inbox, string data, Func<int, Task> act)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var output = new StringWriter();
        var oldOut = Console.Out;
        Console.SetOut(TextWriter.Synchronized(output));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            var root = new System.CommandLine.RootCommand("test") { RunCommand.Create() };
            var run = root.Parse(["run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inbox", inbox, "--data", data]).InvokeAsync(null, stop.Token);
            while (!output.ToString().Contains("Stop:", StringComparison.Ordinal) && !run.IsCompleted)
            {
                await Task.Delay(100);
            }

            await act(port);
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
        finally
        {
            Console.SetOut(oldOut);
        }

        return (output.ToString(), port);
    }
}
