using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Inbox;

namespace Pipeline.Services.Tests;

public sealed class InboxTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pipeline-inbox-").FullName;
    private readonly InboxFolder folder;

    public InboxTests()
    {
        folder = new InboxFolder(root);
        folder.EnsureCreated();
    }

    [Fact]
    public async Task Stored_documents_move_to_done_and_rejected_ones_to_failed_with_a_reason()
    {
        var (provider, harness) = await StartAsync();
        await using var _ = provider;
        await File.WriteAllTextAsync(Path.Combine(folder.Processing, "good.txt"), "text");
        await File.WriteAllTextAsync(Path.Combine(folder.Processing, "bad.txt"), "text");

        await harness.Bus.Publish(new DocumentStored(InboxSources.IdOf("good.txt"), InboxSources.For("good.txt"), 1, "hash", StoreOutcome.Stored, null, DateTimeOffset.UtcNow));
        await harness.Bus.Publish(new DocumentRejected(InboxSources.IdOf("bad.txt"), InboxSources.For("bad.txt"), "cleaner", "binary", "The file is binary.", DateTimeOffset.UtcNow));

        Assert.True(await harness.Consumed.Any<DocumentStored>());
        Assert.True(await harness.Consumed.Any<DocumentRejected>());
        Assert.True(File.Exists(Path.Combine(folder.Done, "good.txt")));
        Assert.True(File.Exists(Path.Combine(folder.Failed, "bad.txt")));
        using var error = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Failed, "bad.txt.error.json")));
        Assert.Equal("binary", error.RootElement.GetProperty("reason").GetString());
        Assert.Equal("cleaner", error.RootElement.GetProperty("stage").GetString());
        Assert.Empty(Directory.GetFiles(folder.Processing));
    }

    [Fact]
    public async Task An_opened_archive_moves_to_done_while_a_mail_waits_for_its_own_document()
    {
        var (provider, harness) = await StartAsync();
        await using var _ = provider;
        await File.WriteAllTextAsync(Path.Combine(folder.Processing, "all.zip"), "zip");
        await File.WriteAllTextAsync(Path.Combine(folder.Processing, "reply.eml"), "mail");
        DocumentSource[] children = [new("inbox", "inbox:///all.zip#a.pdf", "all.zip/a.pdf", "inbox:///all.zip")];

        await harness.Bus.Publish(new DocumentExpanded(InboxSources.IdOf("all.zip"), InboxSources.For("all.zip"), false, children, 0, DateTimeOffset.UtcNow));
        await harness.Bus.Publish(new DocumentExpanded(InboxSources.IdOf("reply.eml"), InboxSources.For("reply.eml"), true, children, 0, DateTimeOffset.UtcNow));

        Assert.True(await harness.Consumed.Any<DocumentExpanded>(x => x.Context.Message.Source.Name == "reply.eml"));
        Assert.True(await Harness.Eventually(() => File.Exists(Path.Combine(folder.Done, "all.zip"))));
        Assert.True(File.Exists(Path.Combine(folder.Processing, "reply.eml")));
    }

    [Fact]
    public async Task Names_that_escape_the_inbox_and_other_sources_are_ignored()
    {
        var (provider, harness) = await StartAsync();
        await using var _ = provider;
        var outside = Path.Combine(root, "..", Path.GetFileName(root) + "-outside.txt");
        await File.WriteAllTextAsync(outside, "keep me");

        await harness.Bus.Publish(new DocumentStored(Guid.NewGuid(), new DocumentSource("inbox", "inbox:///x", "../" + Path.GetFileName(outside)), 1, "h", StoreOutcome.Stored, null, DateTimeOffset.UtcNow));
        await harness.Bus.Publish(new DocumentStored(Guid.NewGuid(), new DocumentSource("web", "https://e.org/", "good.txt"), 1, "h", StoreOutcome.Stored, null, DateTimeOffset.UtcNow));

        Assert.True(await harness.Consumed.Any<DocumentStored>(x => x.Context.Message.Source.Kind == "web"));
        Assert.True(File.Exists(outside));
        Assert.Empty(Directory.GetFiles(folder.Done));
        File.Delete(outside);
    }

    [Fact]
    public async Task A_fault_after_retries_moves_the_file_to_failed()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton(folder),
            b =>
            {
                b.AddConsumer<InboxCompletionConsumer, InboxCompletionConsumerDefinition>();
                b.AddConsumer<ExplodingConsumer>();
            });
        await using var _ = provider;
        await File.WriteAllTextAsync(Path.Combine(folder.Processing, "crash.md"), "text");

        await harness.Bus.Publish(new DocumentFetched(InboxSources.IdOf("crash.md"), InboxSources.For("crash.md"), 1, DateTimeOffset.UtcNow, null, [1]));

        Assert.True(await harness.Consumed.Any<Fault<DocumentFetched>>());
        var failure = harness.Consumed.Select<Fault<DocumentFetched>>().First().Exception;
        Assert.Null(failure);
        var error = await File.ReadAllTextAsync(Path.Combine(folder.Failed, "crash.md.error.json"));
        Assert.Contains("boom", error, StringComparison.Ordinal);
        Assert.Contains("\"fault\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watcher_publishes_dropped_files_once_stable_and_rejects_empty_and_unsupported_ones()
    {
        await using var rig = await InboxRig.StartAsync();
        using var watcher = rig.CreateWatcher();
        await watcher.StartAsync(default);

        await File.WriteAllTextAsync(Path.Combine(rig.Root, "article.md"), "# Title\n\nBody text.");
        await File.WriteAllBytesAsync(Path.Combine(rig.Root, "empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(rig.Root, "sheet.xlsx"), "not supported");
        await File.WriteAllTextAsync(Path.Combine(rig.Root, ".hidden.txt"), "ignored");

        var fetched = await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "article.md");
        await rig.Harness.PublishedAsync<DocumentRejected>(m => m.Source.Name == "empty.txt" && m.Reason == "empty");
        await rig.Harness.PublishedAsync<DocumentRejected>(m => m.Source.Name == "sheet.xlsx" && m.Reason == "unsupported-format");
        Assert.Equal(InboxSources.IdOf("article.md"), fetched.DocumentId);
        Assert.Equal("# Title\n\nBody text.", Encoding.UTF8.GetString(fetched.Content));
        Assert.True(File.Exists(Path.Combine(rig.Root, ".hidden.txt")));
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task Files_left_in_processing_by_a_crash_are_published_again_at_start()
    {
        await using var rig = await InboxRig.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(rig.Folder.Processing, "left.txt"), "Left behind by a crash.");
        using var watcher = rig.CreateWatcher();

        await watcher.StartAsync(default);

        await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "left.txt");
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_growing_file_is_not_taken_until_it_stops_growing()
    {
        await using var rig = await InboxRig.StartAsync();
        using var watcher = rig.CreateWatcher(stableMilliseconds: 1500);
        await watcher.StartAsync(default);
        var path = Path.Combine(rig.Root, "slow.txt");

        for (var i = 0; i < 4; i++)
        {
            await File.AppendAllTextAsync(path, $"Line {i} of a slowly written file.\n");
            await Task.Delay(400);
            Assert.True(File.Exists(path), "The file was taken while it was still being written.");
        }

        var fetched = await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "slow.txt");
        Assert.Contains("Line 3", Encoding.UTF8.GetString(fetched.Content), StringComparison.Ordinal);
        await watcher.StopWithinAsync();
    }

    [Fact]
    public async Task A_file_held_open_by_a_slow_writer_is_not_taken_until_the_writer_closes_it()
    {
        await using var rig = await InboxRig.StartAsync();
        using var watcher = rig.CreateWatcher(stableMilliseconds: 300);
        await watcher.StartAsync(default);
        var path = Path.Combine(rig.Root, "writer.txt");

        await using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            for (var i = 0; i < 4; i++)
            {
                await writer.WriteAsync(Encoding.UTF8.GetBytes($"Chunk {i} written a second apart.\n"));
                await writer.FlushAsync();
                await Task.Delay(1000);
                Assert.True(File.Exists(path), "The file was taken while its writer still held it open.");
            }
        }

        var fetched = await rig.Harness.PublishedAsync<DocumentFetched>(m => m.Source.Name == "writer.txt");
        Assert.Contains("Chunk 3", Encoding.UTF8.GetString(fetched.Content), StringComparison.Ordinal);
        await watcher.StopWithinAsync();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private sealed class ExplodingConsumer : IConsumer<DocumentFetched>
    {
        public Task Consume(ConsumeContext<DocumentFetched> context) => throw new InvalidOperationException("boom");
    }

    private async Task<(ServiceProvider Provider, ITestHarness Harness)> StartAsync() =>
        await Harness.StartAsync(
            s => s.AddSingleton(folder),
            b => b.AddConsumer<InboxCompletionConsumer, InboxCompletionConsumerDefinition>());
}
