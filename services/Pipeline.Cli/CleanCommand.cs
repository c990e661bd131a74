using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cleaning;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline clean PATH... --out DIR</c>: cleaning only, writing <c>name.txt</c> and <c>name.json</c> per input. A rejected
/// input (binary, empty, nothing left) is an outcome with a reason, not a failure: the exit code is 0 when every input
/// was handled, 1 when one could not be read or written, 2 when the path does not exist.
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
            IReadOnlyList<string> files;
            try
            {
                files = CliOptions.ExpandFiles(parse.GetValue(paths)!);
            }
            catch (FileNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var outDir = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var cleaner = new DocumentCleaner();
            int cleaned = 0, failures = 0;
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                try
                {
                    var result = cleaner.Clean(new CleaningInput(await File.ReadAllBytesAsync(file, cancellationToken), Path.GetFileName(file)));
                    await File.WriteAllTextAsync(Path.Combine(outDir, name + ".txt"), result.Text, cancellationToken);
                    var metadata = new
                    {
                        title = result.Title,
                        published = FormatDate(result.Published),
                        author = result.Author,
                        language = result.Language,
                        siteName = result.SiteName,
                        removed = result.Removed.Select(r => new { kind = r.Kind, text = r.Text }),
                    };
                    await File.WriteAllTextAsync(Path.Combine(outDir, name + ".json"), JsonSerializer.Serialize(metadata, CliJson.Options), cancellationToken);
                    Console.WriteLine($"cleaned   {file} ({result.Text.Length} chars, {result.Removed.Count} removed)");
                    cleaned++;
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

    /// <summary>A date alone when no time of day is known, else the full ISO 8601 time.</summary>
    internal static string? FormatDate(DateTimeOffset? date) =>
        date is not { } d ? null
        : d.TimeOfDay == TimeSpan.Zero && d.Offset == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("O", CultureInfo.InvariantCulture);
}
