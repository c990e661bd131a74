using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// An inbox restarted with files left in processing/ drains them about as fast as it takes in new ones (the issue's
/// bound: within 2x). Both runs are <c>pipeline run</c> from a cold start with the files already in place, so process
/// start-up counts on both sides. <c>PIPELINE_RECOVERY_FILES</c> sets the count (the figure in docs/figures.md is 1,000).
/// </summary>
public sealed class InboxRecoveryTimeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-recovery-").FullName;

    [Fact]
    public async Task Files_left_in_processing_drain_within_twice_the_time_new_files_take()
    {
        var files = int.TryParse(System.Environment.GetEnvironmentVariable("PIPELINE_RECOVERY_FILES"), out var n) && n is >= 10 and <= 100_000 ? n : 200;
        var fresh = await DrainAsync("new", files, inProcessing: false);
        var resumed = await DrainAsync("resumed", files, inProcessing: true);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{files} files: new {fresh.TotalSeconds:F1} s, left in processing/ {resumed.TotalSeconds:F1} s ({resumed / fresh:F2}x), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Assert.True(resumed < fresh * 2, $"Resumed files took {resumed.TotalSeconds:F1} s against {fresh.TotalSeconds:F1} s for new ones.");
    }

    /// <summary>Starts <c>pipeline run</c> over <paramref name="files"/> distinct documents and times it until all are in done/.</summary>
    private async Task<TimeSpan> DrainAsync(string name, int files, bool inProcessing)
    {
        var root = Path.Combine(work, name);
        var inbox = Path.Combine(root, "inbox");
        var target = inProcessing ? Path.Combine(inbox, "processing") : inbox;
        Directory.CreateDirectory(target);
        var seeds = SeedGold.SeedFiles.Select(File.ReadAllText).ToArray();
        for (var i = 0; i < files; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(target, $"doc-{i:D5}.txt"), $"Follow-up {i} of {files}.\n\n" + seeds[i % seeds.Length]);
        }

        // A file written long ago is settled at once (new files) and resumed as it is (processing/).
        foreach (var file in Directory.GetFiles(target))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        }

        var environment = new Dictionary<string, string> { ["Inbox__StableMilliseconds"] = "300", ["Inbox__RescanSeconds"] = "1" };
        var clock = Stopwatch.StartNew();
        using var process = ServiceProcess.Cli(["run", "--inbox", inbox, "--data", Path.Combine(root, "data"), "--port", FreePort().ToString(CultureInfo.InvariantCulture)], environment, Path.Combine(root, "pipeline.log"));
        var done = Path.Combine(inbox, "done");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120 + files * 0.5);
        while (Count(done) < files)
        {
            Assert.False(process.HasExited, $"{name}: pipeline run exited.\n{string.Join('\n', File.ReadLines(process.LogPath).TakeLast(20))}");
            Assert.True(DateTime.UtcNow < deadline, $"{name}: {Count(done)} of {files} in done/.\n{string.Join('\n', File.ReadLines(process.LogPath).TakeLast(20))}");
            await Task.Delay(100);
        }

        clock.Stop();
        Assert.Empty(Directory.GetFiles(Path.Combine(inbox, "processing")));
        Assert.False(Directory.Exists(Path.Combine(inbox, "failed")) && Directory.GetFiles(Path.Combine(inbox, "failed")).Length > 0, $"{name}: files failed.");
        return clock.Elapsed;
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }
}
