namespace Pipeline.Tagging.Tests;

internal static class TaggerAssert
{
    public static Entity Single(IReadOnlyList<Entity> entities, string type, string text)
    {
        var matches = entities.Where(e => e.Type == type && e.Text == text).ToList();
        Assert.True(matches.Count > 0, $"Expected {type} '{text}' among: {Describe(entities)}");
        return matches[0];
    }

    public static void None(IReadOnlyList<Entity> entities, string type, string text) =>
        Assert.False(entities.Any(e => e.Type == type && e.Text.Contains(text, StringComparison.Ordinal)), $"Did not expect {type} '{text}' among: {Describe(entities)}");

    public static void ValidSpans(string text, IReadOnlyList<Entity> entities)
    {
        var previousEnd = 0;
        foreach (var e in entities)
        {
            Assert.InRange(e.Start, 0, text.Length);
            Assert.InRange(e.End, e.Start + 1, text.Length);
            Assert.Equal(text[e.Start..e.End], e.Text);
            Assert.True(e.Start >= previousEnd, $"Overlap or unsorted at {e.Start}: {e.Text}");
            Assert.False(string.IsNullOrEmpty(e.Canonical));
            previousEnd = e.End;
        }
    }

    public static string Describe(IReadOnlyList<Entity> entities) =>
        string.Join("; ", entities.Select(e => $"{e.Type}:{e.Text}"));
}
