using System.Text.Json;

namespace Pipeline.Tagging.Tests;

/// <summary>Every entity the gold lists for a seed article is found with its type (the gold sits in article text).</summary>
public sealed class SeedGoldTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var doc in Gold().RootElement.GetProperty("documents").EnumerateObject())
        {
            data.Add(doc.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Finds_every_expected_entity_of_a_seed_with_its_type(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, file));
        var entities = Tagger.Tag(text);
        TaggerAssert.ValidSpans(text, entities);
        var missing = new List<string>();
        foreach (var property in Gold().RootElement.GetProperty("documents").GetProperty(file).EnumerateObject())
        {
            if (property.Name == "absent")
            {
                continue;
            }

            foreach (var expected in property.Value.EnumerateArray().Select(v => v.GetString()!))
            {
                if (!Found(text, entities, property.Name, expected))
                {
                    missing.Add($"{property.Name}:{expected}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"Missing in {file}: {string.Join(", ", missing)}");
    }

    /// <summary>Found when an entity of the type overlaps an occurrence of the text (case-insensitive), as the gold defines.</summary>
    private static bool Found(string text, IReadOnlyList<Entity> entities, string type, string expected)
    {
        for (var at = text.IndexOf(expected, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(expected, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + expected.Length;
            if (entities.Any(e => e.Type == type && e.Start < end && e.End > at))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonDocument Gold() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Gold, "seeds-entities.json")));
}
