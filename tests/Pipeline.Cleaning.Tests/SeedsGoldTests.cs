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
        SeedGold.AssertMatches(doc, lines, result, seed);
    }

    [Fact]
    public void Clean_seed_loses_nothing()
    {
        var result = Cleaner.Clean(new CleaningInput(File.ReadAllBytes(TestData.Path("seeds", "003_a7cb2ac8830fe42a.txt")), "003.txt"));
        Assert.Empty(result.Removed);
    }
}
