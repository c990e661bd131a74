using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline search</c> and <c>pipeline show</c>: what they print, and that a read never creates a store.</summary>
public sealed class ReadCommandTests
{
    private const string Text = "Ketamine eases fibromyalgia. Ketamine was given weekly; ketamine doses were low.";

    [Fact]
    public async Task Search_without_a_store_says_where_it_looked_and_creates_nothing()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (exit, output, error) = await CliRun.RunAsync(SearchCommand.Create(), "ketamine", "--data", data);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"No store at {Path.Combine(data, "pipeline.db")}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));

        (exit, _, error) = await CliRun.RunAsync(ShowCommand.Create(), "anything", "--data", data);
        Assert.Equal(1, exit);
        Assert.Contains("No store at", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Search_marks_the_matched_words_and_lists_the_top_entities_by_the_name_the_document_uses()
    {
        using var temp = new TempFolder();
        var document = await StoreAsync(temp.Path);

        var (exit, output, _) = await CliRun.RunAsync(SearchCommand.Create(), "weekly", "--data", temp.Path);

        Assert.Equal(0, exit);
        Assert.Contains($"1. Ketamine notes  [notes.txt]  2024-05-01  {document.Id}", output, StringComparison.Ordinal);
        Assert.Contains("was given **weekly**;", output, StringComparison.Ordinal);
        Assert.Contains("Chemical: Ketamine (3), Disease: fibromyalgia (1)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 documents.", output, StringComparison.Ordinal);

        // --json is the stored search shape, unchanged.
        (exit, output, _) = await CliRun.RunAsync(SearchCommand.Create(), "weekly", "--json", "--data", temp.Path);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("weekly", HighlightedWord(json.RootElement.GetProperty("hits")[0]));
    }

    [Fact]
    public async Task Show_finds_a_document_by_id_or_by_its_source_and_prints_its_text_entities_and_removed_blocks()
    {
        using var temp = new TempFolder();
        var document = await StoreAsync(temp.Path);

        var (exit, output, _) = await CliRun.RunAsync(ShowCommand.Create(), "notes.txt", "--data", temp.Path);
        Assert.Equal(0, exit);
        Assert.StartsWith("Ketamine notes\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Source:    inbox:///notes.txt", output, StringComparison.Ordinal);
        Assert.Contains("Entities:  Chemical: Ketamine (3), Disease: fibromyalgia (1)", output, StringComparison.Ordinal);
        Assert.Contains(Text, output, StringComparison.Ordinal);
        Assert.Contains("Removed by cleaning (1):", output, StringComparison.Ordinal);
        Assert.Contains("  [share-buttons] Share on Facebook", output, StringComparison.Ordinal);

        (exit, output, _) = await CliRun.RunAsync(ShowCommand.Create(), document.Id.ToString(), "--json", "--data", temp.Path);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(Text, json.RootElement.GetProperty("text").GetString());
        Assert.Equal("share-buttons", json.RootElement.GetProperty("cleaning").GetProperty("removed")[0].GetProperty("kind").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("entities").GetArrayLength());
    }

    [Fact]
    public void Entities_are_marked_as_markup_with_the_text_escaped()
    {
        var document = Document() with { Text = "[bold]Ketamine[/]", Entities = [new EntityMention("Chemical", "Ketamine", 6, 14, "ketamine", null)] };
        Assert.Equal("[[bold]][black on lightskyblue1]Ketamine[/][[/]]", ShowCommand.MarkEntities(document));
    }

    private static string HighlightedWord(JsonElement hit)
    {
        var range = hit.GetProperty("highlights")[0];
        return hit.GetProperty("snippet").GetString()!.Substring(range.GetProperty("start").GetInt32(), range.GetProperty("length").GetInt32());
    }

    private static async Task<StoredDocument> StoreAsync(string data)
    {
        var document = Document();
        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "pipeline.db") });
        await store.UpsertAsync(document, CancellationToken.None);
        return document;
    }

    private static StoredDocument Document()
    {
        List<EntityMention> entities =
        [
            new("Chemical", "Ketamine", 0, 8, "ketamine", "DB01221"),
            new("Disease", "fibromyalgia", 15, 27, "fibromyalgia", null),
            new("Chemical", "Ketamine", 29, 37, "ketamine", "DB01221"),
            new("Chemical", "ketamine", 56, 64, "ketamine", "DB01221"),
        ];
        var uri = DocumentIdentity.InboxUri("notes.txt");
        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource("inbox", uri, "notes.txt"),
            Title = "Ketamine notes",
            Text = Text,
            Published = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
            FetchedAt = DateTimeOffset.UtcNow,
            Version = 1,
            ContentHash = ContentHashing.Hash(Text),
            Entities = entities,
            EntityKeys = StoredDocuments.EntityKeysOf(entities),
            Removed = [new RemovedText("share-buttons", "Share on Facebook")],
        };
    }
}
