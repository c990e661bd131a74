using Pipeline.Contracts;
using Pipeline.Inbox;
using Pipeline.Storage;

namespace Pipeline.Services.Tests;

public sealed class InboxRecoveryTests
{
    [Fact]
    public async Task Resumed_files_moved_away_by_completions_meanwhile_do_not_stop_the_inbox()
    {
        await using var rig = await InboxRig.StartAsync();
        const int Files = 300;
        for (var i = 0; i < Files; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(rig.Folder.Processing, $"left-{i}.txt"), $"Document {i} left behind.");
        }

        using var watcher = rig.CreateWatcher(concurrency: 2);
        await watcher.StartAsync(default);

        // Completions queued before the restart move files to done/ while the watcher is resuming them.
        for (var i = Files - 1; i >= 0; i--)
        {
            rig.Folder.CompleteDone($"left-{i}.txt");
        }

        await File.WriteAllTextAsync(Path.Combine(rig.Root, "new.txt"), "A new file after the restart.");
        await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "new.txt");
        Assert.False(watcher.ExecuteTask!.IsCompleted, $"The watcher stopped: {watcher.ExecuteTask.Exception?.GetBaseException().Message}");
        Assert.Equal(Files, Directory.GetFiles(rig.Folder.Done).Length);
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_resumed_file_whose_version_is_already_stored_goes_to_done_without_the_stages()
    {
        await using var rig = await InboxRig.StartAsync();
        var written = DateTimeOffset.UtcNow.AddMinutes(-5);
        var stored = Path.Combine(rig.Folder.Processing, "stored.txt");
        var newer = Path.Combine(rig.Folder.Processing, "newer.txt");
        await File.WriteAllTextAsync(stored, "Stored before the crash.");
        await File.WriteAllTextAsync(newer, "Changed after the stored version.");
        File.SetLastWriteTimeUtc(stored, written.UtcDateTime);
        File.SetLastWriteTimeUtc(newer, written.UtcDateTime);
        await rig.Store.UpsertAsync(Document("stored.txt", written.ToUnixTimeMilliseconds()), default);
        await rig.Store.UpsertAsync(Document("newer.txt", written.ToUnixTimeMilliseconds() - 60_000), default);
        using var watcher = rig.CreateWatcher();

        await watcher.StartAsync(default);

        await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "newer.txt");
        Assert.True(await Harness.Eventually(() => File.Exists(Path.Combine(rig.Folder.Done, "stored.txt"))));
        Assert.DoesNotContain(rig.Harness.Published.Select<DocumentFetched>(), m => m.Context.Message.Source.Name == "stored.txt");
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_claimed_file_carries_the_version_it_was_published_with_as_its_write_time()
    {
        await using var rig = await InboxRig.StartAsync();
        using var watcher = rig.CreateWatcher();
        await watcher.StartAsync(default);

        await File.WriteAllTextAsync(Path.Combine(rig.Root, "stamp.txt"), "Stamped.");

        var fetched = await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "stamp.txt");
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(rig.Folder.Processing, "stamp.txt")));
        Assert.Equal(fetched.Version, written.ToUnixTimeMilliseconds());
        await watcher.StopWithinAsync();
    }

    private static StoredDocument Document(string name, long version) => new()
    {
        Id = InboxSources.IdOf(name),
        Source = InboxSources.For(name),
        Title = name,
        Text = "Text of " + name,
        FetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(version),
        Version = version,
        ContentHash = ContentHashing.Hash("Text of " + name),
    };
}
