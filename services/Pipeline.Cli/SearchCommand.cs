using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Hosting;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary><c>pipeline search [TEXT] [--entity Type:value]...</c>: query the store.</summary>
internal static class SearchCommand
{
    private const int EntitiesPerHit = 5;

    public static Command Create()
    {
        var text = new Argument<string?>("TEXT") { Description = "Words and \"quoted phrases\" to match (all of them).", Arity = ArgumentArity.ZeroOrOne };
        var entities = new Option<string[]>("--entity") { Description = "Only documents mentioning this entity, e.g. Chemical:ketamine (repeatable).", AllowMultipleArgumentsPerToken = false };
        var limit = new Option<int>("--limit") { Description = $"How many results (1 to {DocumentQuery.MaxLimit}).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var data = CliOptions.Data();
        var command = new Command("search", "Search the stored documents: a snippet with the matched words marked and the top entities of each.") { text, entities, limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DocumentQuery query;
            try
            {
                query = new DocumentQuery
                {
                    Text = parse.GetValue(text),
                    Entities = (parse.GetValue(entities) ?? []).Select(EntityKey.Parse).ToList(),
                    Limit = parse.GetValue(limit),
                };
                query.Validate();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                await Console.Error.WriteLineAsync(ErrorText.Of(ex));
                return 2;
            }

            using var opened = await ReadStore.OpenAsync(parse.GetValue(data)!, Console.Error);
            if (opened is null)
            {
                return 1;
            }

            var store = opened.Documents;
            var page = await store.SearchAsync(query, cancellationToken);
            var total = await store.CountAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { total, hits = page.Hits }, CliJson.Options));
                return 0;
            }

            if (page.Hits.Count == 0)
            {
                var everything = await store.CountAsync(new DocumentQuery(), cancellationToken);
                Console.WriteLine(everything == 0
                    ? $"The store in {Path.GetFullPath(parse.GetValue(data)!)} is empty: ingest documents first."
                    : $"No documents match (the store holds {everything}).");
                return 0;
            }

            var terminal = !Console.IsOutputRedirected;
            for (var i = 0; i < page.Hits.Count; i++)
            {
                var hit = page.Hits[i];
                var document = await store.GetAsync(hit.Id, cancellationToken);
                var top = document is null ? [] : TopEntities.Of(document, EntitiesPerHit);
                Print(i + 1, hit, top, terminal);
            }

            Console.WriteLine($"{page.Hits.Count} of {total} documents.");
            return 0;
        });
        return command;
    }

    private static void Print(int number, SearchHit hit, IReadOnlyList<(string Type, string Name, int Mentions)> top, bool terminal)
    {
        var title = hit.Title.Length == 0 ? "(untitled)" : hit.Title;
        var date = (hit.Published ?? hit.StoredAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entities = string.Join(", ", top.Select(e => $"{e.Type}: {e.Name} ({e.Mentions})"));
        if (terminal)
        {
            AnsiConsole.MarkupLine($"[bold]{number}. {Markup.Escape(title)}[/]  [dim]{Markup.Escape(hit.Source.Name)} · {date} · {hit.Id}[/]");
            AnsiConsole.MarkupLine("   " + Marked(hit, s => Markup.Escape(s), s => "[bold yellow]" + Markup.Escape(s) + "[/]"));
            if (entities.Length > 0)
            {
                AnsiConsole.MarkupLine("   [dim]" + Markup.Escape(entities) + "[/]");
            }

            return;
        }

        Console.WriteLine($"{number}. {title}  [{hit.Source.Name}]  {date}  {hit.Id}");
        Console.WriteLine("   " + Marked(hit, s => s, s => "**" + s + "**"));
        if (entities.Length > 0)
        {
            Console.WriteLine("   " + entities);
        }
    }

    /// <summary>The snippet with each matched range passed through <paramref name="mark"/> and the rest through <paramref name="plain"/>.</summary>
    internal static string Marked(SearchHit hit, Func<string, string> plain, Func<string, string> mark)
    {
        var builder = new StringBuilder();
        var position = 0;
        foreach (var range in hit.Highlights.OrderBy(r => r.Start))
        {
            if (range.Start < position || range.Start + range.Length > hit.Snippet.Length)
            {
                continue;
            }

            builder.Append(plain(hit.Snippet[position..range.Start])).Append(mark(hit.Snippet.Substring(range.Start, range.Length)));
            position = range.Start + range.Length;
        }

        return builder.Append(plain(hit.Snippet[position..])).ToString();
    }
}
