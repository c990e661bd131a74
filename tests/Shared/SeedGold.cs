using System.Text.Json;
using Pipeline.Cleaning;

namespace Pipeline.Tests.Shared;

/// <summary>The seed gold's rules (../shared/gold/seeds-boilerplate.json): title, date, lines to keep and to remove.</summary>
public static class SeedGold
{
    public static void AssertMatches(JsonElement doc, string[] lines, CleaningResult result, string label)
    {
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
                var allowed = lines.Where((l, k) => Normalise(l) == line && !remove.Contains(k + 1)).Count();
                Assert.True(body.Count(l => l == line) <= allowed, $"{label} line {number} should be removed: {line}");
            }
            else if (line != Normalise(title))
            {
                Assert.True(body.Contains(line), $"{label} line {number} should be kept: {line}\nclosest: {body.FirstOrDefault(b => b.StartsWith(line[..Math.Min(20, line.Length)], StringComparison.Ordinal))}");
            }
        }
    }

    /// <summary>The words of a text, for comparing what two routes kept (and so what the tagger will see).</summary>
    public static List<string> Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Normalise(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
