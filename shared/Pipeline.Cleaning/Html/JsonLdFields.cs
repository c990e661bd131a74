using System.Text.Json;

namespace Pipeline.Cleaning.Html;

/// <summary>The few schema.org fields extraction uses, taken from the first JSON-LD object that has each.</summary>
internal sealed class JsonLdFields
{
    public string? Headline { get; private set; }

    public string? Published { get; private set; }

    public string? Author { get; private set; }

    public string? Publisher { get; private set; }

    /// <summary>The page describes a product (its reviews name people who are not the page's author).</summary>
    public bool IsProduct { get; private set; }

    /// <summary>The page declares an article, a blog or news post or a report (a product in it is one it reviews).</summary>
    public bool IsArticle { get; private set; }

    /// <summary>The page declares itself a collection, an item list or search results: a listing of other pages' items.</summary>
    public bool IsCollection { get; private set; }

    /// <summary>The article's full text (<c>articleBody</c>, or a post's <c>text</c>).</summary>
    public string? Body { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Names of nodes with an <c>@id</c> (Yoast-style graphs refer to the author by id).</summary>
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    /// <summary>Author ids referred to before their node was seen.</summary>
    private List<string>? authorIds;

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

        if (f.Author is null && f.authorIds is { } ids)
        {
            var names = ids.Select(id => f.named.GetValueOrDefault(id)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            f.Author = names.Count == 0 ? null : JoinNames(names);
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
        if (e.TryGetProperty("@id", out var nodeId) && nodeId.ValueKind == JsonValueKind.String && String(e, "name") is { } nodeName)
        {
            named.TryAdd(nodeId.GetString()!, nodeName);
        }

        var isPage = type.Contains("Article", StringComparison.Ordinal) || type.Contains("Posting", StringComparison.Ordinal)
            || type.Contains("Report", StringComparison.Ordinal) || type is "WebPage" or "BlogPosting" or "NewsArticle" or "Recipe" or "Product" or "QAPage" or "Question" or "HowTo";
        IsProduct |= type.Contains("Product", StringComparison.Ordinal);
        IsArticle |= type.Contains("Article", StringComparison.Ordinal) || type.Contains("Posting", StringComparison.Ordinal) || type.Contains("Report", StringComparison.Ordinal);
        IsCollection |= type.Contains("CollectionPage", StringComparison.Ordinal) || type.Contains("ItemList", StringComparison.Ordinal) || type.Contains("SearchResultsPage", StringComparison.Ordinal);
        if (isPage)
        {
            Headline ??= String(e, "headline") ?? (type is "Product" or "Recipe" or "Question" or "HowTo" ? String(e, "name") : null);
            Published ??= String(e, "datePublished") ?? String(e, "dateCreated");
            if (type is not ("Product" or "Question" or "QAPage"))
            {
                Author ??= Authors(e);
            }

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

    /// <summary>Every author's name, joined; authors given only as <c>{"@id": ...}</c> are resolved after all scripts are read.</summary>
    private string? Authors(JsonElement e)
    {
        if (!e.TryGetProperty("author", out var v))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Repeat(v, 1))
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                names.Add(item.GetString()!.Trim());
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                if (String(item, "@type") is { } kind && kind.Contains("Organization", StringComparison.Ordinal))
                {
                    // The publisher filled in as the author: the byline, if any, names the person.
                    continue;
                }

                if (String(item, "name") is { } name)
                {
                    names.Add(name);
                }
                else if (item.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    (authorIds ??= []).Add(id.GetString()!);
                }
            }

            if (names.Count >= MaxAuthors)
            {
                break;
            }
        }

        return names.Count == 0 ? null : JoinNames(names.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private const int MaxAuthors = 8;

    /// <summary>"A", "A and B", "A, B, and C": as a byline reads.</summary>
    private static string JoinNames(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => names[0] + " and " + names[1],
        _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
    };

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
