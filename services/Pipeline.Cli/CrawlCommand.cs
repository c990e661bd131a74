using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Crawler;
using Pipeline.Fetcher;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary><c>pipeline crawl add|list|remove|run|once</c>: crawl definitions in the store, and crawls run now in this process.</summary>
internal static class CrawlCommand
{
    public static Command Create() => new("crawl", "Define scheduled crawls, or crawl now.")
    {
        Add(),
        List(),
        Remove(),
        Run(),
        Once(),
    };

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The crawl's name (letters, digits, '-', '_', '.')." };
        var urls = new Argument<string[]>("URL") { Description = "Seed URLs.", Arity = ArgumentArity.OneOrMore };
        var every = new Option<string?>("--every") { Description = "Run every interval: 90s, 30m, 6h, 1d (1 second to 365 days)." };
        var cron = new Option<string?>("--cron") { Description = "Run on a Quartz cron schedule, e.g. \"0 0 */6 * * ?\"." };
        var depth = Depth();
        var maxPages = MaxPages();
        var scope = Scope();
        var sitemap = Sitemap();
        var data = CliOptions.Data();
        var command = new Command("add", "Add (or replace) a scheduled crawl; a running pipeline picks it up without a restart.")
        {
            name, urls, every, cron, depth, maxPages, scope, sitemap, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = AllInOne.CreateBuilder(parse.GetValue(data)!, LogLevel.Warning);
            CrawlDefinition definition;
            try
            {
                // Hosts are resolved when the crawl runs (each unreachable URL is reported then), not here.
                var interval = parse.GetValue(every) is { } text ? CrawlDefinitions.ParseInterval(text) : (TimeSpan?)null;
                definition = CrawlDefinitions.Create(
                    parse.GetValue(name)!, parse.GetValue(urls)!, interval, parse.GetValue(cron), parse.GetValue(depth), parse.GetValue(maxPages),
                    parse.GetValue(scope)!, parse.GetValue(sitemap), DateTimeOffset.UtcNow);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                await Console.Error.WriteLineAsync(ErrorText.Of(ex));
                return 2;
            }

            builder.AddPipelineStore();
            using var host = builder.Build();
            await host.Services.GetRequiredService<ICrawlStateStore>().SaveCrawlAsync(definition, cancellationToken);
            Console.WriteLine($"Crawl {definition.Name} saved: {Describe(definition)}");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var data = CliOptions.Data();
        var command = new Command("list", "List the stored crawls with their last and next runs.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var opened = await ReadStore.OpenAsync(parse.GetValue(data)!, Console.Error);
            if (opened is null)
            {
                return 1;
            }

            var store = opened.Documents;
            var crawls = await ((ICrawlStateStore)store).ListCrawlsAsync(cancellationToken);
            if (crawls.Count == 0)
            {
                Console.WriteLine("No crawls. Add one with: pipeline crawl add NAME URL --every 6h");
            }

            var runs = store is ICrawlRunLog log ? (await log.ListLastRunsAsync(cancellationToken)).ToDictionary(r => r.CrawlName, StringComparer.Ordinal) : [];
            var now = DateTimeOffset.UtcNow;
            foreach (var crawl in crawls)
            {
                var last = runs.GetValueOrDefault(crawl.Name);
                Console.WriteLine($"{crawl.Name,-20} {Describe(crawl)}");
                Console.WriteLine($"{string.Empty,-20} last run: {(last is null ? "never" : $"{Time(last.StartedAt)}, fetched {last.Fetched}, not modified {last.NotModified}, errors {last.Errors}{(last.FinishedAt is null ? " (unfinished)" : string.Empty)}")}; " +
                    $"next run: {(CrawlDefinitions.NextRun(crawl, last, now) is { } next ? Time(next) : "unknown")}");
            }

            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = "The crawl to remove (its URL states go with it)." };
        var data = CliOptions.Data();
        var command = new Command("remove", "Remove a stored crawl; a running pipeline stops scheduling it at its next refresh.") { name, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var opened = await ReadStore.OpenAsync(parse.GetValue(data)!, Console.Error);
            if (opened is null)
            {
                return 1;
            }

            var removed = await ((ICrawlStateStore)opened.Documents).DeleteCrawlAsync(parse.GetValue(name)!, cancellationToken);
            if (!removed)
            {
                await Console.Error.WriteLineAsync($"No crawl named {parse.GetValue(name)}. See: pipeline crawl list");
                return 1;
            }

            Console.WriteLine($"Crawl {parse.GetValue(name)} removed.");
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var name = new Argument<string>("NAME") { Description = "The stored crawl to run now." };
        var data = CliOptions.Data();
        var command = new Command("run", "Run a stored crawl now, in this process, to completion (every known URL, conditionally).") { name, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            CrawlDefinition? definition;
            using (var opened = await ReadStore.OpenAsync(parse.GetValue(data)!, Console.Error))
            {
                if (opened is null)
                {
                    return 1;
                }

                definition = await ((ICrawlStateStore)opened.Documents).GetCrawlAsync(parse.GetValue(name)!, cancellationToken);
            }

            if (definition is null)
            {
                await Console.Error.WriteLineAsync($"No crawl named {parse.GetValue(name)}. See: pipeline crawl list");
                return 1;
            }

            return await CrawlOnce.RunAsync(definition, parse.GetValue(data)!, null, Console.Out, cancellationToken);
        });
        return command;
    }

    private static Command Once()
    {
        var urls = new Argument<string[]>("URL") { Description = "Seed URLs.", Arity = ArgumentArity.OneOrMore };
        var depth = Depth();
        var maxPages = MaxPages();
        var scope = Scope();
        var sitemap = Sitemap();
        var data = CliOptions.Data();
        var command = new Command("once", "Crawl now, in this process (all-in-one), and print a summary.") { urls, depth, maxPages, scope, sitemap, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            CrawlDefinition definition;
            try
            {
                definition = CrawlDefinitions.Create(
                    CrawlOnce.CrawlName, parse.GetValue(urls)!, TimeSpan.FromDays(1), null, parse.GetValue(depth), parse.GetValue(maxPages),
                    parse.GetValue(scope)!, parse.GetValue(sitemap), DateTimeOffset.UtcNow);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ErrorText.Of(ex));
                return 2;
            }

            return await CrawlOnce.RunAsync(definition, parse.GetValue(data)!, null, Console.Out, cancellationToken);
        });
        return command;
    }

    private static Option<int> Depth() =>
        new("--depth") { Description = $"Links followed from the seeds (0: the seeds only; at most {CrawlDefinitions.MaxDepth}).", DefaultValueFactory = _ => 2 };

    private static Option<int> MaxPages() =>
        new("--max-pages") { Description = $"Pages fetched per run at most (1 to {CrawlDefinitions.MaxPagesLimit}).", DefaultValueFactory = _ => 1000 };

    private static Option<string> Scope()
    {
        var scope = new Option<string>("--scope") { Description = "same-host, same-prefix or list (the seeds only).", DefaultValueFactory = _ => CrawlScope.SameHost };
        scope.AcceptOnlyFromAmong([.. CrawlScope.Names]);
        return scope;
    }

    private static Option<bool> Sitemap() =>
        new("--sitemap") { Description = "Also read sitemap.xml (and robots.txt Sitemap lines) for URLs." };

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(CrawlDefinition crawl) =>
        $"{CrawlDefinitions.Describe(crawl)}, depth {crawl.Depth}, max {crawl.MaxPages} pages, " +
        $"{crawl.Scope}{(crawl.UseSitemap ? ", sitemap" : string.Empty)}: {string.Join(' ', crawl.Seeds)}";
}
