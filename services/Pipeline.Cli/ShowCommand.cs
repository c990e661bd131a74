using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Fetcher;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary><c>pipeline show ID|SOURCE</c>: one stored document, its entities marked on a terminal, and what cleaning removed.</summary>
internal static class ShowCommand
{
    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        ["Chemical"] = "black on lightskyblue1", ["Disease"] = "black on lightpink1", ["Person"] = "black on thistle1",
        ["Organization"] = "black on darkseagreen1", ["Location"] = "black on lightgoldenrod2", ["Publication"] = "black on navajowhite1",
        ["Date"] = "black on grey84", ["Quantity"] = "black on lightcyan1", ["Url"] = "black on honeydew2", ["Email"] = "black on mistyrose1",
        ["Phone"] = "black on grey89",
    };

    public static Command Create()
    {
        var target = new Argument<string>("ID|SOURCE") { Description = "A document id, or its source: a URL, a file path, an inbox or upload file name." };
        var json = new Option<bool>("--json") { Description = "Print the stored document as JSON (the stored shape)." };
        var data = CliOptions.Data();
        var command = new Command("show", "Print a stored document: title, metadata, text with its entities marked, and the blocks cleaning removed.") { target, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var opened = await ReadStore.OpenAsync(parse.GetValue(data)!, Console.Error);
            if (opened is null)
            {
                return 1;
            }

            var text = parse.GetValue(target)!.Trim();
            var (document, candidates) = await FindAsync(opened.Documents, text, cancellationToken);
            if (document is null)
            {
                await Console.Error.WriteLineAsync(candidates.Count == 0
                    ? $"No stored document has the id or source '{text}'. Find one with: pipeline search"
                    : $"'{text}' matches {candidates.Count} or more documents; show one by id:\n" + string.Join('\n', candidates.Select(h => $"  {h.Id}  {h.Source.Uri}")));
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(StoredShape(document), CliJson.Options));
            }
            else
            {
                Print(document, !Console.IsOutputRedirected);
            }

            return 0;
        });
        return command;
    }

    /// <summary>By id; else by the source URIs the pipeline gives a URL, a file, an inbox file or an upload; else by a source filter with one match.</summary>
    internal static async Task<(StoredDocument? Document, IReadOnlyList<SearchHit> Candidates)> FindAsync(IDocumentStore store, string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            return (await store.GetAsync(id, cancellationToken), []);
        }

        var uris = new List<string>();
        if (UrlNormalizer.Normalize(text) is { } web)
        {
            uris.Add(web);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            uris.Add(absolute.AbsoluteUri);
        }

        if (File.Exists(text))
        {
            uris.Add(new Uri(Path.GetFullPath(text)).AbsoluteUri);
        }

        uris.Add(DocumentIdentity.InboxUri(Path.GetFileName(text)));
        uris.Add("api:///" + Uri.EscapeDataString(Path.GetFileName(text)));
        foreach (var uri in uris.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetAsync(DocumentIdentity.ForSourceUri(uri), cancellationToken) is { } found)
            {
                return (found, []);
            }
        }

        if (text.Length > 500)
        {
            return (null, []);
        }

        var page = await store.SearchAsync(new DocumentQuery { Source = text, Sort = SortOrder.Date, Limit = 5 }, cancellationToken);
        return page.Hits.Count == 1 ? (await store.GetAsync(page.Hits[0].Id, cancellationToken), []) : (null, page.Hits);
    }

    private static object StoredShape(StoredDocument d) => new
    {
        id = d.Id,
        source = d.Source,
        title = d.Title,
        text = d.Text,
        language = d.Language,
        author = d.Author,
        siteName = d.SiteName,
        published = d.Published,
        fetchedAt = d.FetchedAt,
        storedAt = d.StoredAt,
        version = d.Version,
        contentHash = d.ContentHash,
        entities = d.Entities,
        entityKeys = d.EntityKeys,
        cleaning = new { removed = d.Removed },
    };

    private static void Print(StoredDocument d, bool terminal)
    {
        var rows = new List<(string Name, string? Value)>
        {
            ("Source", d.Source.Uri), ("Kind", d.Source.Kind), ("Published", Date(d.Published)), ("Author", d.Author), ("Site", d.SiteName),
            ("Language", d.Language), ("Fetched", Date(d.FetchedAt)), ("Stored", Date(d.StoredAt)), ("Version", d.Version.ToString(CultureInfo.InvariantCulture)),
            ("Id", d.Id.ToString()),
        };
        var title = d.Title.Length == 0 ? "(untitled)" : d.Title;
        var entities = string.Join(", ", TopEntities.Of(d, 12).Select(e => $"{e.Type}: {e.Name} ({e.Mentions})"));
        if (!terminal)
        {
            Console.WriteLine(title);
            foreach (var (name, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
            {
                Console.WriteLine($"{name + ":",-10} {value}");
            }

            Console.WriteLine($"{"Entities:",-10} {(entities.Length == 0 ? "none" : entities)}");
            Console.WriteLine();
            Console.WriteLine(d.Text);
            Console.WriteLine();
            Console.WriteLine($"Removed by cleaning ({d.Removed.Count}):");
            foreach (var removed in d.Removed)
            {
                Console.WriteLine($"  [{removed.Kind}] {removed.Text.ReplaceLineEndings(" ")}");
            }

            return;
        }

        AnsiConsole.MarkupLine($"[bold underline]{Markup.Escape(title)}[/]");
        foreach (var (name, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            AnsiConsole.MarkupLine($"[dim]{name,-10}[/] {Markup.Escape(value!)}");
        }

        AnsiConsole.MarkupLine($"[dim]{"Entities",-10}[/] {Markup.Escape(entities.Length == 0 ? "none" : entities)}");
        AnsiConsole.MarkupLine("[dim]Legend:[/] " + string.Join(' ', d.Entities.Select(e => e.Type).Distinct().Where(Colors.ContainsKey).Select(t => $"[{Colors[t]}]{t}[/]")));
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine(MarkEntities(d));
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"[bold]Removed by cleaning ({d.Removed.Count})[/]");
        foreach (var removed in d.Removed)
        {
            AnsiConsole.MarkupLine($"  [dim]{Markup.Escape(removed.Kind)}[/] [strikethrough]{Markup.Escape(removed.Text.ReplaceLineEndings(" "))}[/]");
        }
    }

    /// <summary>The text as markup, each entity span coloured by type; overlapping or out-of-range spans are skipped so the text stays whole.</summary>
    internal static string MarkEntities(StoredDocument d)
    {
        var builder = new StringBuilder();
        var at = 0;
        foreach (var e in d.Entities.Where(e => e.Start >= 0 && e.End <= d.Text.Length && e.Start < e.End).OrderBy(e => e.Start).ThenByDescending(e => e.End))
        {
            if (e.Start < at)
            {
                continue;
            }

            builder.Append(Markup.Escape(d.Text[at..e.Start]));
            var span = Markup.Escape(d.Text[e.Start..e.End]);
            builder.Append(Colors.TryGetValue(e.Type, out var color) ? $"[{color}]{span}[/]" : $"[underline]{span}[/]");
            at = e.End;
        }

        return builder.Append(Markup.Escape(d.Text[at..])).ToString();
    }

    private static string? Date(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
