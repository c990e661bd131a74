namespace Pipeline.Storage.Mongo;

/// <summary>A plain-text passage around the first match, and where the query's words occur in it.</summary>
internal static class Snippets
{
    private const int Width = 240;

    public static (string Snippet, IReadOnlyList<TextRange> Highlights) Make(string text, TextQuery query)
    {
        var words = query.Terms.SelectMany(t => t.Split(' ')).Distinct(StringComparer.Ordinal).ToList();
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Width / 3);
        var length = Math.Min(Width, text.Length - start);
        var body = text.Substring(start, length);
        var prefix = start > 0 ? "…" : string.Empty;
        var snippet = prefix + body + (start + length < text.Length ? "…" : string.Empty);
        var highlights = new List<TextRange>();
        foreach (var word in words)
        {
            for (var i = body.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = body.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                highlights.Add(new TextRange(prefix.Length + i, word.Length));
            }
        }

        return (snippet, highlights.OrderBy(h => h.Start).ToList());
    }
}
