using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Hosting;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary><c>pipeline search [TEXT] [--entity Type:value]...</c>: query the store.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "Words and \"quoted phrases\" to match.", Arity = ArgumentArity.ZeroOrOne };
        var entities = new Option<string[]>("--entity") { Description = "Only documents mentioning this entity, e.g. Chemical:ketamine (repeatable).", AllowMultipleArgumentsPerToken = false };
        var limit = new Option<int>("--limit") { Description = "How many results.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var data = CliOptions.Data();
        var command = new Command("search", "Search the stored documents.") { text, entities, limit, json, data };
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
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var builder = AllInOne.CreateBuilder(parse.GetValue(data)!, LogLevel.Warning);
            builder.AddPipelineStore();
            using var host = builder.Build();
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var page = await store.SearchAsync(query, cancellationToken);
            var total = await store.CountAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { total, hits = page.Hits }, CliJson.Options));
                return 0;
            }

            Print(page, total);
            return 0;
        });
        return command;
    }

    private static void Print(SearchPage page, long total)
    {
        if (page.Hits.Count == 0)
        {
            Console.WriteLine("No documents match.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Title", "Source", "Published", "Snippet");
        for (var i = 0; i < page.Hits.Count; i++)
        {
            var hit = page.Hits[i];
            table.AddRow(
                new Text((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(hit.Title.Length == 0 ? "(untitled)" : hit.Title),
                new Text(hit.Source.Name),
                new Text(hit.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                new Markup(HighlightMarkup(hit)));
        }

        if (Console.IsOutputRedirected)
        {
            foreach (var (hit, i) in page.Hits.Select((h, i) => (h, i)))
            {
                Console.WriteLine($"{i + 1}. {(hit.Title.Length == 0 ? "(untitled)" : hit.Title)}  [{hit.Source.Name}]  {hit.Id}");
            }
        }
        else
        {
            AnsiConsole.Write(table);
        }

        Console.WriteLine($"{page.Hits.Count} of {total} documents.");
    }

    private static string HighlightMarkup(SearchHit hit)
    {
        var builder = new System.Text.StringBuilder();
        var position = 0;
        foreach (var range in hit.Highlights)
        {
            builder.Append(Markup.Escape(hit.Snippet[position..range.Start]));
            builder.Append("[bold yellow]").Append(Markup.Escape(hit.Snippet.Substring(range.Start, range.Length))).Append("[/]");
            position = range.Start + range.Length;
        }

        builder.Append(Markup.Escape(hit.Snippet[position..]));
        return builder.ToString();
    }
}
