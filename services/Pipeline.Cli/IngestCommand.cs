using System.CommandLine;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Inbox;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary><c>pipeline ingest PATH...</c>: push files through the whole pipeline in this process and wait for each to finish.</summary>
internal static class IngestCommand
{
    private const int MaxInFlight = 32;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to ingest.", Arity = ArgumentArity.OneOrMore };
        var data = CliOptions.Data();
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for any one document.", DefaultValueFactory = _ => 120 };
        var command = new Command("ingest", "Clean, tag and store files or folders now, with a progress bar and a summary.") { paths, data, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliOptions.ExpandFilesOrReportAsync(parse.GetValue(paths)!) is not { } files)
            {
                return 2;
            }

            return await IngestAsync(files, parse.GetValue(data)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> IngestAsync(IReadOnlyList<string> files, string dataDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = AllInOne.CreateBuilder(dataDirectory, LogLevel.Warning);
        AllInOne.QuietStageWarnings(builder);
        builder.Services.AddSingleton<IngestTracker>();
        AllInOne.AddStages(builder);
        builder.AddPipeline(bus =>
        {
            AllInOne.AddStageConsumers(bus);
            bus.AddConsumer<IngestProgressConsumer>();
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var tracker = host.Services.GetRequiredService<IngestTracker>();
        var bus = host.Services.GetRequiredService<IBus>();
        var inboxDefaults = new InboxOptions();
        var intake = new FileIntake(host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDocumentBytes, inboxDefaults.Extensions, TimeProvider.System);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

        async Task ProcessAllAsync(Action<string, IngestResult> report)
        {
            using var gate = new SemaphoreSlim(MaxInFlight);
            var tasks = files.Select(async file =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var result = await IngestOneAsync(file, intake, bus, tracker, timeout, cancellationToken);
                    lock (counts)
                    {
                        counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
                    }

                    report(file, result);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(tasks);
        }

        if (interactive)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", maxValue: files.Count);
                await ProcessAllAsync((file, result) =>
                {
                    task.Increment(1);
                    if (result.Outcome is "rejected" or "failed")
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]{result.Outcome}[/] {Path.GetFileName(file)}: {result.Detail}");
                    }
                });
            });
        }
        else
        {
            var gate = new object();
            await ProcessAllAsync((file, result) =>
            {
                lock (gate)
                {
                    Console.WriteLine($"{result.Outcome,-9} {file}{(result.Detail is null ? string.Empty : " (" + result.Detail + ")")}");
                }
            });
        }

        stopwatch.Stop();
        await host.StopAsync(CancellationToken.None);
        var rate = files.Count / Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(
            $"Ingested {files.Count} files in {stopwatch.Elapsed.TotalSeconds:F1} s ({rate:F1} docs/s): " +
            $"{counts.GetValueOrDefault("stored")} stored, {counts.GetValueOrDefault("unchanged")} unchanged, " +
            $"{counts.GetValueOrDefault("duplicate")} duplicate, {counts.GetValueOrDefault("rejected")} rejected, " +
            $"{counts.GetValueOrDefault("failed")} failed, {counts.GetValueOrDefault("timed-out")} timed out.");
        return counts.GetValueOrDefault("failed") + counts.GetValueOrDefault("timed-out") == 0 ? 0 : 1;
    }

    private static async Task<IngestResult> IngestOneAsync(
        string file, FileIntake intake, IBus bus, IngestTracker tracker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uri = new Uri(file).AbsoluteUri;
        var source = new DocumentSource("file", uri, Path.GetFileName(file));
        var id = DocumentIdentity.ForSourceUri(uri);
        var done = tracker.Expect(id);
        var read = await intake.ReadAsync(file, id, source, stampVersion: false, cancellationToken);
        var (fetched, rejected) = (read.Fetched, read.Rejected);
        if (rejected is not null)
        {
            await bus.Publish(rejected, cancellationToken);
        }
        else
        {
            await bus.Publish(fetched!, cancellationToken);
        }

        IngestResult result;
        try
        {
            result = await done.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new IngestResult("timed-out", $"no result within {timeout.TotalSeconds:F0} s");
        }

        // An archive's entries and an e-mail's attachments travel as documents of their own: wait for them too.
        var inside = tracker.ChildrenOf(id);
        if (inside.Count == 0)
        {
            return result;
        }

        var outcomes = new List<string>();
        foreach (var child in inside)
        {
            try
            {
                outcomes.Add((await tracker.Expect(child).WaitAsync(timeout, cancellationToken)).Outcome);
            }
            catch (TimeoutException)
            {
                outcomes.Add("timed-out");
            }
        }

        var detail = $"{inside.Count} documents inside: " + string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}"));
        var worst = outcomes.FirstOrDefault(o => o is "failed" or "timed-out");
        return new IngestResult(worst ?? result.Outcome, result.Detail is null ? detail : result.Detail + "; " + detail);
    }
}
