using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline run</c> says, once it is up, where things are and how to stop it.</summary>
public sealed class RunReadyTests
{
    [Fact]
    public async Task Once_ready_run_prints_the_inbox_the_data_the_page_and_how_to_stop_and_the_page_answers()
    {
        using var temp = new TempFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var inbox = Path.Combine(temp.Path, "inbox");
        var data = Path.Combine(temp.Path, "data");
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

            using var client = new HttpClient();
            var page = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            await stop.CancelAsync();
            Assert.Equal(0, await run);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            Console.SetOut(oldOut);
        }

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        var ready = lines.IndexOf("Pipeline ready.");
        Assert.True(ready > 0, output.ToString());
        Assert.StartsWith($"  Inbox:  {inbox}  (drop .txt ", lines[ready + 1], StringComparison.Ordinal);
        Assert.Equal($"  Data:   {data}", lines[ready + 2]);
        Assert.Equal($"  Page:   http://127.0.0.1:{port}/  (API: http://127.0.0.1:{port}/openapi/v1.json)", lines[ready + 3]);
        Assert.Equal("  Stop:   Ctrl+C", lines[ready + 4]);
        Assert.True(Directory.Exists(inbox));
    }
}
