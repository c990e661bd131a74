using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Cli.Fuzz;

/// <summary>
/// <c>pipeline fuzz SEEDS... [--target T] [--seconds N] [--out DIR]</c>: a mutation fuzzer over the extractor's
/// decoders and the cleaners. Each target runs in a child process with a heap limit; a child that dies is a crash
/// (its input saved to <c>crashes/</c>) and is started again with the next seed; an input running longer than the hang
/// limit is a hang (saved to <c>hangs/</c>). Prints, per target: inputs, rejections, unexpected errors, crashes, hangs
/// and the worst cleaning time per MB. Exits 1 when anything crashed or hung.
/// </summary>
internal static class FuzzCommand
{
    private const int DefaultMaxBytes = 1 << 20;

    public static Command Create()
    {
        var seeds = new Argument<string[]>("seeds") { Description = "Seed files or folders (.gz read through): texts and HTML pages, e.g. ../shared/seeds ../shared/datasets/wcxb-dev/html.", Arity = ArgumentArity.OneOrMore };
        var targets = new Option<string[]>("--target") { Description = $"Targets to fuzz (default all): {string.Join(", ", FuzzTarget.All.Select(t => t.Name))}.", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<int>("--seconds") { Description = "How long to fuzz each target.", DefaultValueFactory = _ => 60 };
        var output = new Option<string>("--out") { Description = "Where crashing, hanging, erroring and slowest inputs are saved.", DefaultValueFactory = _ => "fuzz-out" };
        var hang = new Option<int>("--hang-seconds") { Description = "An input running longer than this is a hang.", DefaultValueFactory = _ => 10 };
        var memory = new Option<int>("--memory-mb") { Description = "The heap limit of each fuzzing process (an input that needs more is an out-of-memory error).", DefaultValueFactory = _ => 1024 };
        var maxSeeds = new Option<int>("--max-seeds") { Description = "The most texts and the most pages read from the seeds.", DefaultValueFactory = _ => 200 };
        var worker = new Option<int?>("--worker-seed") { Hidden = true };
        var command = new Command("fuzz", "Fuzz the decoders, parsers and cleaners with mutated seeds; report crashes, hangs and the worst time per MB.")
        {
            seeds, targets, seconds, output, hang, memory, maxSeeds, worker,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(targets) is { Length: > 0 } names ? names : FuzzTarget.All.Select(t => t.Name).ToArray();
            var unknown = chosen.Where(n => FuzzTarget.All.All(t => t.Name != n)).ToList();
            var (duration, hangLimit, heap, perKind) = (parse.GetValue(seconds), parse.GetValue(hang), parse.GetValue(memory), parse.GetValue(maxSeeds));
            if (unknown.Count > 0 || duration < 1 || hangLimit < 1 || heap < 64 || perKind < 1)
            {
                await Console.Error.WriteLineAsync(unknown.Count > 0
                    ? $"Unknown target {string.Join(", ", unknown)}; known: {string.Join(", ", FuzzTarget.All.Select(t => t.Name))}."
                    : "--seconds, --hang-seconds and --max-seeds must be at least 1, --memory-mb at least 64.");
                return 2;
            }

            var files = await CliOptions.ExpandFilesOrReportAsync(parse.GetValue(seeds)!);
            if (files is null)
            {
                return 2;
            }

            var outputPath = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(output)!)).FullName;
            var corpus = FuzzCorpus.Load(files, perKind, DefaultMaxBytes);
            if (parse.GetValue(worker) is { } workerSeed)
            {
                var target = FuzzTarget.All.Single(t => t.Name == chosen[0]);
                return new FuzzWorker(target, outputPath, TimeSpan.FromSeconds(hangLimit)).Run(corpus, workerSeed, TimeSpan.FromSeconds(duration), DefaultMaxBytes);
            }

            Console.WriteLine($"{corpus.Texts.Count} texts and {corpus.Pages.Count} pages as seeds; {duration} s per target; findings in {outputPath}");
            Console.WriteLine("| target | seconds | inputs | rejected | errors | crashes | hangs | worst s/MB (bytes) | slowest ms (bytes) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            var found = 0;
            foreach (var name in chosen)
            {
                var total = await FuzzTargetAsync(name, parse.GetValue(seeds)!, outputPath, duration, hangLimit, heap, perKind, cancellationToken);
                found += total.Crashes + total.Hangs;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {duration} | {total.Inputs} | {total.Rejected} | {total.Errors} | {total.Crashes} | {total.Hangs} | {total.WorstSecondsPerMb:F2} ({total.WorstRateBytes}) | {total.SlowestMs:F0} ({total.SlowestBytes}) |"));
            }

            return found > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Runs workers for one target until its time is used, starting a new one (next seed) after each crash or hang.</summary>
    private static async Task<FuzzStats> FuzzTargetAsync(string target, string[] seeds, string output, int duration, int hangLimit, int heap, int perKind, CancellationToken cancellationToken)
    {
        var total = new FuzzStats();
        var clock = Stopwatch.StartNew();
        for (var seed = 1; clock.Elapsed.TotalSeconds < duration - 1 && !cancellationToken.IsCancellationRequested; seed++)
        {
            var left = (int)Math.Ceiling(duration - clock.Elapsed.TotalSeconds);
            var (exit, error) = await RunWorkerAsync(
                [.. seeds, "--target", target, "--seconds", left.ToString(CultureInfo.InvariantCulture), "--out", output,
                 "--hang-seconds", hangLimit.ToString(CultureInfo.InvariantCulture), "--max-seeds", perKind.ToString(CultureInfo.InvariantCulture),
                 "--worker-seed", seed.ToString(CultureInfo.InvariantCulture)],
                heap,
                TimeSpan.FromSeconds(left + hangLimit + 120),
                cancellationToken);
            var statsPath = FuzzWorker.StatsPath(output, target, seed);
            if (File.Exists(statsPath))
            {
                total.Add(JsonSerializer.Deserialize<FuzzStats>(await File.ReadAllTextAsync(statsPath, cancellationToken))!);
                File.Delete(statsPath);
            }

            if (exit is 0 or FuzzWorker.HangExit)
            {
                continue;
            }

            if (exit == 2)
            {
                await Console.Error.WriteLineAsync($"{target}: the fuzzing process could not start: {error}");
                break;
            }

            total.Crashes++;
            SaveCrash(output, target, exit, error);
        }

        return total;
    }

    private static void SaveCrash(string output, string target, int exit, string error)
    {
        var current = FuzzWorker.CurrentPath(output, target);
        if (!File.Exists(current))
        {
            return;
        }

        var input = File.ReadAllBytes(current);
        var folder = Directory.CreateDirectory(Path.Combine(output, "crashes")).FullName;
        var name = $"{target}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
        File.WriteAllBytes(Path.Combine(folder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), $"exit code {exit}\n{error}\n");
        Console.Error.WriteLine($"{target}: the fuzzing process died (exit code {exit}); its input is saved as crashes/{name}.bin");
    }

    /// <summary>Runs this program again as a worker, with a heap limit; returns its exit code and the end of its error output.</summary>
    private static async Task<(int Exit, string Error)> RunWorkerAsync(string[] arguments, int heapMb, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var self = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("fuzz");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)heapMb << 20).ToString("X", CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await stdout;
        var error = await stderr;
        return (process.ExitCode, error.Length > 2000 ? error[^2000..] : error);
    }
}
