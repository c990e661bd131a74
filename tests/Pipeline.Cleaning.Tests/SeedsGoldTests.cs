using System.Text.Json;

namespace Pipeline.Cleaning.Tests;

public sealed class SeedsGoldTests
{
    private static readonly DocumentCleaner Cleaner = new();

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestData.Path("seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_matches_the_boilerplate_gold(string seed)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(TestData.Path("gold", "seeds-boilerplate.json")));
        var doc = gold.RootElement.GetProperty("documents").GetProperty(seed);
        var lines = File.ReadAllLines(TestData.Path("seeds", seed));
        var result = Cleaner.Clean(new CleaningInput(File.ReadAllBytes(TestData.Path("seeds", seed)), seed));
        var body = result.Text.Split('\n').Select(Normalise).Where(l => l.Length > 0).ToList();

        var title = doc.GetProperty("title").GetString()!;
        Assert.Equal(title, result.Title);

        var published = doc.GetProperty("published");
        if (published.ValueKind == JsonValueKind.String)
        {
            Assert.Equal(published.GetString(), result.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var remove = doc.GetProperty("remove").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToHashSet();
        var either = doc.GetProperty("either").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToHashSet();
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = Normalise(lines[i]);
            if (line.Length == 0 || either.Contains(number))
            {
                continue;
            }

            if (remove.Contains(number))
            {
                // A removed line may still appear as often as lines with the same text that are not to be removed.
                var allowed = lines.Where((l, k) => Normalise(l) == line && !remove.Contains(k + 1)).Count();
                Assert.True(body.Count(l => l == line) <= allowed, $"{seed} line {number} should be removed: {line}");
            }
            else if (line != Normalise(title))
            {
                Assert.True(body.Contains(line), $"{seed} line {number} should be kept: {line}");
            }
        }
    }

    [Fact]
    public void Clean_seed_loses_nothing()
    {
        var result = Cleaner.Clean(new CleaningInput(File.ReadAllBytes(TestData.Path("seeds", "003_a7cb2ac8830fe42a.txt")), "003.txt"));
        Assert.Empty(result.Removed);
    }

    private static string Normalise(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
