using System.Diagnostics;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Inbox;

namespace Pipeline.Services.Tests;

public sealed class InboxHygieneTests
{
    [Fact]
    public async Task A_symlink_hard_link_or_fifo_is_moved_to_failed_with_its_reason_and_never_read()
    {
        await using var rig = await InboxRig.StartAsync();
        var outside = Path.Combine(rig.Root + "-data", "secret.txt");
        await File.WriteAllTextAsync(outside, "A secret outside the inbox.");
        File.CreateSymbolicLink(Path.Combine(rig.Root, "link.txt"), outside);
        Run("ln", outside, Path.Combine(rig.Root, "hard.txt"));
        Run("mkfifo", Path.Combine(rig.Root, "pipe.txt"));
        await File.WriteAllTextAsync(Path.Combine(rig.Root, "plain.txt"), "A plain file.");
        using var watcher = rig.CreateWatcher();

        await watcher.StartAsync(default);

        await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "plain.txt");
        foreach (var (name, reason) in new[] { ("link.txt", "symlink"), ("hard.txt", "hard-link"), ("pipe.txt", "special-file") })
        {
            var report = Path.Combine(rig.Folder.Failed, name + ".error.json");
            Assert.True(await Harness.Eventually(() => File.Exists(report)), $"{name} has no error report.");
            using var error = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Assert.Equal(reason, error.RootElement.GetProperty("reason").GetString());
        }

        Assert.True(new FileInfo(Path.Combine(rig.Folder.Failed, "link.txt")).LinkTarget is not null, "The link itself moves, not its target.");
        Assert.Equal("A secret outside the inbox.", await File.ReadAllTextAsync(outside));
        Assert.DoesNotContain(rig.Harness.Published.Select<DocumentFetched>(), m => m.Context.Message.Source.Name != "plain.txt");
        Assert.False(watcher.ExecuteTask!.IsCompleted);
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_symlink_swapped_into_processing_after_the_claim_is_rejected_without_being_followed()
    {
        await using var rig = await InboxRig.StartAsync();
        var outside = Path.Combine(rig.Root + "-data", "secret.txt");
        await File.WriteAllTextAsync(outside, "A secret outside the inbox.");
        File.CreateSymbolicLink(Path.Combine(rig.Folder.Processing, "swapped.txt"), outside);
        using var watcher = rig.CreateWatcher();

        await watcher.StartAsync(default);

        await rig.Harness.PublishedAsync<DocumentRejected>(m => m.Source.Name == "swapped.txt" && m.Reason == "symlink");
        Assert.True(await Harness.Eventually(() => File.Exists(Path.Combine(rig.Folder.Failed, "swapped.txt.error.json"))));
        Assert.DoesNotContain(rig.Harness.Published.Select<DocumentFetched>(), m => m.Context.Message.Source.Name == "swapped.txt");
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task Names_the_inbox_does_not_take_are_reported_once_and_left_alone()
    {
        await using var rig = await InboxRig.StartAsync();
        var longName = new string('x', 251) + ".txt";
        var names = new[] { longName, "..notes.txt", ".hidden.md" };
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(Path.Combine(rig.Root, name), "Some text.");
        }

        await File.WriteAllTextAsync(Path.Combine(rig.Root, "after.txt"), "A name it takes.");
        using var watcher = rig.CreateWatcher();

        await watcher.StartAsync(default);
        await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "after.txt");
        await Task.Delay(2500); // two more rescans

        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(rig.Root, name)), $"{name} was moved.");
            lock (rig.Warnings)
            {
                Assert.Single(rig.Warnings, w => w.Contains(name, StringComparison.Ordinal) && w.Contains("left in the inbox", StringComparison.Ordinal));
            }
        }

        lock (rig.Warnings)
        {
            Assert.Contains(rig.Warnings, w => w.Contains("255 bytes", StringComparison.Ordinal));
        }

        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_file_failed_twice_under_the_longest_name_taken_gets_its_error_report_both_times()
    {
        await using var rig = await InboxRig.StartAsync();
        var name = new string('y', InboxNames.MaxBytes - 4) + ".txt";
        var error = new InboxError(name, InboxSources.IdOf(name), "cleaner", "binary", "Binary.", DateTimeOffset.UtcNow);

        for (var i = 0; i < 2; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(rig.Folder.Processing, name), "x");
            Assert.True(rig.Folder.CompleteFailed(name, error));
        }

        var failed = Directory.GetFiles(rig.Folder.Failed).Select(Path.GetFileName).ToList();
        Assert.Equal(4, failed.Count);
        Assert.All(failed.Where(f => !f!.EndsWith(".error.json", StringComparison.Ordinal)), f => Assert.Contains(f + ".error.json", failed));
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(command, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
