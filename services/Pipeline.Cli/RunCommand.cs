using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Crawler;
using Pipeline.Fetcher;
using Pipeline.Hosting;
using Pipeline.Inbox;
using Pipeline.Query;

namespace Pipeline.Cli;

/// <summary><c>pipeline run</c>: every service in one process, watching the inbox, until Ctrl+C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "The folder to watch (created if missing).", DefaultValueFactory = _ => "inbox" };
        var data = CliOptions.Data();
        var port = new Option<int>("--port") { Description = "The query page's port on 127.0.0.1.", DefaultValueFactory = _ => 5080 };
        var command = new Command("run", "Run the whole pipeline in one process: watch the inbox, run the scheduled crawls, clean, tag, store, and serve the query page.") { inbox, data, port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inboxPath = Path.GetFullPath(parse.GetValue(inbox)!);
            var dataPath = Path.GetFullPath(parse.GetValue(data)!);

            // Everything that can stop the start is checked before any folder is created.
            var problem = StartChecks.PortProblem(parse.GetValue(port))
                ?? StartChecks.FolderProblem(inboxPath, "inbox folder", "--inbox")
                ?? StartChecks.FolderProblem(dataPath, "data folder", "--data");
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            Console.WriteLine("Starting the pipeline...");
            Directory.CreateDirectory(inboxPath);
            var builder = AllInOne.CreateBuilder(dataPath, LogLevel.Information, new Dictionary<string, string?> { ["Inbox:Path"] = inboxPath });
            InboxService.AddServices(builder);
            AllInOne.AddStages(builder);
            CrawlerService.AddServices(builder);
            FetcherService.AddServices(builder);
            builder.AddPipeline(bus =>
            {
                InboxService.AddConsumers(bus);
                AllInOne.AddStageConsumers(bus);
                CrawlerService.AddConsumers(bus);
                FetcherService.AddConsumers(bus);
                QueryService.AddConsumers(bus);
            });
            var address = $"http://127.0.0.1:{parse.GetValue(port)}";
            QueryService.AddEmbedded(builder, address);
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            Console.WriteLine("Pipeline ready.");
            var extensions = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InboxOptions>>().Value.Extensions;
            Console.WriteLine($"  Inbox:  {inboxPath}  (drop {string.Join(' ', extensions)} files here)");
            Console.WriteLine($"  Data:   {dataPath}");
            Console.WriteLine($"  Page:   {address}/  (API: {address}/openapi/v1.json)");
            Console.WriteLine("  Stop:   Ctrl+C");
            await host.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
