using System.Text.Json;
using Pipeline.Storage;

namespace Pipeline.Integration.Tests;

/// <summary>Checks a stored seed against ../shared/gold: boilerplate gone, title right, entities found, nothing tagged in boilerplate.</summary>
internal static class SeedGold
{
    private static readonly JsonDocument Boilerplate = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Gold, "seeds-boilerplate.json")));
    private static readonly JsonDocument Entities = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Gold, "seeds-entities.json")));

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(Repository.Seeds).Order(StringComparer.Ordinal).ToList();

    public static void AssertMatches(string seedName, StoredDocument document)
    {
        var gold = Boilerplate.RootElement.GetProperty("documents").GetProperty(seedName);
        Assert.Equal(gold.GetProperty("title").GetString(), document.Title);
        var sourceLines = File.ReadAllLines(Path.Combine(Repository.Seeds, seedName));
        var removedLineNumbers = gold.GetProperty("remove").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToHashSet();
        foreach (var remove in gold.GetProperty("remove").EnumerateArray())
        {
            // A removed line may repeat a line that stays (a teaser echoing the first paragraph): count, don't just look.
            var line = remove.GetProperty("text").GetString()!.Trim();
            var kept = sourceLines.Where((l, i) => !removedLineNumbers.Contains(i + 1) && l.Trim() == line).Count();
            var found = document.Text.Split('\n').Count(l => l.Trim() == line);
            Assert.True(found <= kept, $"{seedName}: '{line}' ({remove.GetProperty("why").GetString()}) should have been removed.");
        }

        if (!Entities.RootElement.GetProperty("documents").TryGetProperty(seedName, out var expected))
        {
            return;
        }

        foreach (var type in expected.EnumerateObject())
        {
            foreach (var text in type.Value.EnumerateArray().Select(t => t.GetString()!))
            {
                if (type.Name == "absent")
                {
                    Assert.DoesNotContain(document.Entities, e => e.Text.Contains(text, StringComparison.OrdinalIgnoreCase));
                    continue;
                }

                Assert.True(
                    document.Entities.Any(e => e.Type == type.Name && Overlaps(document.Text, e.Start, e.End, text)),
                    $"{seedName}: no {type.Name} entity for '{text}'.");
            }
        }
    }

    private static bool Overlaps(string text, int start, int end, string surface)
    {
        for (var at = text.IndexOf(surface, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (start < at + surface.Length && at < end)
            {
                return true;
            }
        }

        return false;
    }
}
