using System.Text.Json;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Integration.Tests;

/// <summary>The same flow in one process, through the published command line: <c>pipeline ingest</c> then <c>pipeline search</c>.</summary>
public sealed class AllInOneTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;

    [Fact]
    public async Task Ingest_stores_the_seeds_rejects_bad_files_and_search_finds_them()
    {
        var input = Directory.CreateDirectory(Path.Combine(work, "input")).FullName;
        foreach (var seed in SeedGold.SeedFiles)
        {
            File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)));
        }

        var binary = new byte[1024];
        new Random(5).NextBytes(binary);
        binary[1] = 0;
        await File.WriteAllBytesAsync(Path.Combine(input, "image.txt"), binary);
        await File.WriteAllBytesAsync(Path.Combine(input, "empty.txt"), []);
        var data = Path.Combine(work, "data");

        var (exit, output) = await Pipeline(["ingest", input, "--data", data]);

        Assert.True(exit == 0, output);
        Assert.Contains("5 stored", output, StringComparison.Ordinal);
        Assert.Contains("2 rejected", output, StringComparison.Ordinal);
        Assert.Contains("0 failed", output, StringComparison.Ordinal);

        var (searchExit, json) = await Pipeline(["search", "ketamine", "--data", data, "--json", "--limit", "10"]);
        Assert.True(searchExit == 0, json);
        using var results = JsonDocument.Parse(json);
        Assert.Equal(5, results.RootElement.GetProperty("total").GetInt32());
        var titles = results.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()).ToList();
        Assert.Contains("Can Ketamine Help My Fibromyalgia?", titles);
        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t)));

        var (entityExit, byEntity) = await Pipeline(["search", "--entity", "Chemical:ketamine", "--entity", "Disease:fibromyalgia", "--data", data, "--json"]);
        Assert.True(entityExit == 0, byEntity);
        using var entityResults = JsonDocument.Parse(byEntity);
        Assert.Equal(5, entityResults.RootElement.GetProperty("total").GetInt32());

        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "pipeline.db") });
        foreach (var seed in SeedGold.SeedFiles)
        {
            var document = await store.GetAsync(DocumentIdentity.ForSourceUri(new Uri(Path.Combine(input, Path.GetFileName(seed))).AbsoluteUri), default);
            Assert.NotNull(document);
            SeedGold.AssertMatches(Path.GetFileName(seed), document);
        }

        var (againExit, again) = await Pipeline(["ingest", input, "--data", data]);
        Assert.True(againExit == 0, again);
        Assert.Contains("5 unchanged", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_refuses_a_malformed_entity_filter_with_a_clear_message()
    {
        var (exit, output) = await Pipeline(["search", "--entity", "ketamine", "--data", Path.Combine(work, "data")]);

        Assert.Equal(2, exit);
        Assert.Contains("expected Type:value", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_and_tag_write_one_file_set_per_input()
    {
        var seed = SeedGold.SeedFiles.Single(f => Path.GetFileName(f).StartsWith("001_", StringComparison.Ordinal));
        var cleaned = Path.Combine(work, "cleaned");
        var tagged = Path.Combine(work, "tagged");
        var name = Path.GetFileNameWithoutExtension(seed);

        var (cleanExit, cleanOutput) = await Pipeline(["clean", seed, "--out", cleaned]);
        var (tagExit, tagOutput) = await Pipeline(["tag", Path.Combine(cleaned, name + ".txt"), "--out", tagged]);

        Assert.True(cleanExit == 0, cleanOutput);
        Assert.True(tagExit == 0, tagOutput);
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cleaned, name + ".json")));
        Assert.Equal("Can Ketamine Help My Fibromyalgia?", metadata.RootElement.GetProperty("title").GetString());
        Assert.Equal("2022-03-02", metadata.RootElement.GetProperty("published").GetString());
        Assert.Equal("en", metadata.RootElement.GetProperty("language").GetString());
        Assert.Contains(metadata.RootElement.GetProperty("removed").EnumerateArray(), r => r.GetProperty("text").GetString() == "misc image");
        var text = await File.ReadAllTextAsync(Path.Combine(cleaned, name + ".txt"));
        using var entities = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(tagged, name + ".json")));
        var list = entities.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(list, e => e.GetProperty("type").GetString() == "Chemical" && e.GetProperty("canonical").GetString() == "ketamine");
        Assert.All(list, e => Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));

        // On the whole folder only the text is tagged: the cleaner's metadata .json is neither tagged nor lets
        // its result overwrite the text's.
        var folderTagged = Path.Combine(work, "tagged-folder");
        var (folderExit, folderOutput) = await Pipeline(["tag", cleaned, "--out", folderTagged]);
        Assert.True(folderExit == 0, folderOutput);
        Assert.Equal([name + ".json"], Directory.GetFiles(folderTagged).Select(Path.GetFileName));
        Assert.Contains("skipped   1 files", folderOutput, StringComparison.Ordinal);
        using var fromFolder = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folderTagged, name + ".json")));
        Assert.Equal(list.Count, fromFolder.RootElement.GetProperty("entities").GetArrayLength());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Clean_counts_rejections_as_handled_and_ends_with_a_summary_line()
    {
        var input = Directory.CreateDirectory(Path.Combine(work, "mixed")).FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "note.txt"), "The boiler service is booked for Tuesday morning; leave the side gate open.\n");
        await File.WriteAllBytesAsync(Path.Combine(input, "empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(input, "menu.html"), "<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav></body></html>");

        var (exit, output) = await Pipeline(["clean", input, "--out", Path.Combine(work, "mixed-out")]);

        Assert.True(exit == 0, output);
        Assert.Contains("rejected  " + Path.Combine(input, "empty.txt") + ": empty:", output, StringComparison.Ordinal);
        Assert.EndsWith("3 inputs: 1 cleaned, 2 rejected (empty 1, empty-after-cleaning 1), 0 failed", output.TrimEnd(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "mixed-out", "note.txt")));

        var (missingExit, _) = await Pipeline(["clean", Path.Combine(work, "no-such-folder"), "--out", Path.Combine(work, "mixed-out")]);
        Assert.Equal(2, missingExit);
    }

    private static Task<(int ExitCode, string Output)> Pipeline(string[] arguments) =>
        Repository.RunAsync("dotnet", [Repository.CliDll, .. arguments], TimeSpan.FromMinutes(3));
}
