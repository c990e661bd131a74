using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cleaning;
using Pipeline.Extraction;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline clean PATH... --out DIR</c>: extraction and cleaning only, writing <c>name.txt</c> and <c>name.json</c> per
/// document (<c>name__entry</c> for one inside an archive or e-mail). A rejected input (binary, empty, nothing left) is an
/// outcome with a reason, not a failure: the exit code is 0 when every input was handled, 1 when one could not be read
/// or written, 2 when a path does not exist.
/// </summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders of files.", Arity = ArgumentArity.OneOrMore };
        var output = CliOptions.Out();
        var command = new Command("clean", "Clean documents: write the main text and what was removed.") { paths, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliOptions.ExpandFilesOrReportAsync(parse.GetValue(paths)!) is not { } files)
            {
                return 2;
            }

            var outDir = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var extractor = new DocumentExtractor(new DocumentCleaner());
            int cleaned = 0, failures = 0, documents = 0, pages = 0;
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var cpu = TimeSpan.Zero;
            foreach (var file in files)
            {
                try
                {
                    var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                    var before = Environment.CpuUsage.TotalTime;
                    var outcome = extractor.Process(new CleaningInput(bytes, Path.GetFileName(file)));
                    cpu += Environment.CpuUsage.TotalTime - before;
                    foreach (var document in outcome.Documents)
                    {
                        documents++;
                        pages += document.Pages.Count;
                        await WriteAsync(outDir, OutputName(file, document.EntryPath), document, cancellationToken);
                        Console.WriteLine($"cleaned   {file}{(document.EntryPath is null ? string.Empty : " > " + document.EntryPath)} ({document.Format}, {document.Cleaned.Text.Length} chars, {document.Cleaned.Removed.Count} removed)");
                    }

                    cleaned++;
                    foreach (var skipped in outcome.Skipped)
                    {
                        await Console.Error.WriteLineAsync($"skipped   {file} > {skipped.Path}: {skipped.Reason}: {skipped.Detail}");
                    }
                }
                catch (CleaningRejectedException ex)
                {
                    reasons[ex.Reason] = reasons.GetValueOrDefault(ex.Reason) + 1;
                    Console.WriteLine($"rejected  {file}: {ex.Reason}: {ex.Message}");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"failed    {file}: {ex.Message}");
                }
            }

            var seconds = Math.Max(cpu.TotalSeconds, 1e-6);
            Console.WriteLine($"{documents} documents ({pages} pages) in {cpu.TotalSeconds:F2} CPU-s: {documents / seconds:F1} documents and {pages / seconds:F1} pages per CPU-second");
            Console.WriteLine(Summary(files.Count, cleaned, reasons, failures));
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>"7 inputs: 5 cleaned, 2 rejected (binary 1, empty 1), 0 failed".</summary>
    internal static string Summary(int inputs, int cleaned, IReadOnlyDictionary<string, int> rejectedByReason, int failed)
    {
        var rejected = rejectedByReason.Values.Sum();
        var reasons = rejected == 0 ? string.Empty : " (" + string.Join(", ", rejectedByReason.Select(r => $"{r.Key} {r.Value}")) + ")";
        return $"{inputs} input{(inputs == 1 ? string.Empty : "s")}: {cleaned} cleaned, {rejected} rejected{reasons}, {failed} failed";
    }

    private static async Task WriteAsync(string outDir, string name, ExtractedDocument document, CancellationToken cancellationToken)
    {
        var result = document.Cleaned;
        await File.WriteAllTextAsync(Path.Combine(outDir, name + ".txt"), result.Text, cancellationToken);
        var metadata = new
        {
            title = result.Title,
            published = FormatDate(result.Published),
            author = result.Author,
            language = result.Language,
            siteName = result.SiteName,
            format = document.Format,
            pages = document.Pages.Select(p => new { number = p.Number, start = p.Start, end = p.End }),
            removed = result.Removed.Select(r => new { kind = r.Kind, text = r.Text, offset = r.Offset }),
        };
        await File.WriteAllTextAsync(Path.Combine(outDir, name + ".json"), JsonSerializer.Serialize(metadata, CliJson.Options), cancellationToken);
    }

    /// <summary>The file's name, and for an entry inside it the entry path with every unsafe character replaced.</summary>
    private static string OutputName(string file, string? entryPath)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return entryPath is null ? name : name + "__" + string.Concat(entryPath.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
    }

    /// <summary>A date alone when no time of day is known, else the full ISO 8601 time.</summary>
    internal static string? FormatDate(DateTimeOffset? date) =>
        date is not { } d ? null
        : d.TimeOfDay == TimeSpan.Zero && d.Offset == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("O", CultureInfo.InvariantCulture);
}
