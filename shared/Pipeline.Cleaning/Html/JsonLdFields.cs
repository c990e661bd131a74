using System.Text.Json;

namespace Pipeline.Cleaning.Html;

/// <summary>The few schema.org fields extraction uses, taken from the first JSON-LD object that has each.</summary>
internal sealed class JsonLdFields
{
    public string? Headline { get; private set; }

    public string? Published { get; private set; }

    public string? Author { get; private set; }

    public string? Publisher { get; private set; }

    /// <summary>The article's full text (<c>articleBody</c>, or a post's <c>text</c>).</summary>
    public string? Body { get; private set; }

    public string? Description { get; private set; }

    public static JsonLdFields Read(List<string> scripts)
    {
        var f = new JsonLdFields();
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                f.Visit(json.RootElement, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's meta tags still apply.
            }
        }

        return f;
    }

    private void Visit(JsonElement e, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = e.TryGetProperty("@type", out var t) ? t.ToString() : string.Empty;
        var isPage = type.Contains("Article", StringComparison.Ordinal) || type.Contains("Posting", StringComparison.Ordinal)
            || type.Contains("Report", StringComparison.Ordinal) || type is "WebPage" or "BlogPosting" or "NewsArticle" or "Recipe" or "Product" or "QAPage" or "Question" or "HowTo";
        if (isPage)
        {
            Headline ??= String(e, "headline") ?? (type is "Product" or "Recipe" or "Question" or "HowTo" ? String(e, "name") : null);
            Published ??= String(e, "datePublished") ?? String(e, "dateCreated");
            Author ??= Name(e, "author");
            Body ??= String(e, "articleBody") ?? String(e, "text");
            Description ??= String(e, "description");
        }

        Publisher ??= Name(e, "publisher");
        if (e.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, depth + 1);
        }

        if (e.TryGetProperty("mainEntity", out var main))
        {
            Visit(main, depth + 1);
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static string? Name(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => String(v, "name"),
            JsonValueKind.Array when v.GetArrayLength() > 0 => v[0].ValueKind == JsonValueKind.Object ? String(v[0], "name") : v[0].ToString(),
            _ => null,
        };
    }
}
