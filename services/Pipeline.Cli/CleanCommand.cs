using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cleaning;

namespace Pipeline.Cli;

/// <summary><c>pipeline clean PATH... --out DIR</c>: cleaning only, writing <c>name.txt</c> and <c>name.json</c> per input.</summary>
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
            var cleaner = new DocumentCleaner();
            var failures = 0;
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
                }
                catch (CleaningRejectedException ex)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"rejected  {file}: {ex.Reason}: {ex.Message}");
                }
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>A date alone when no time of day is known, else the full ISO 8601 time.</summary>
    internal static string? FormatDate(DateTimeOffset? date) =>
        date is not { } d ? null
        : d.TimeOfDay == TimeSpan.Zero && d.Offset == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("O", CultureInfo.InvariantCulture);
}
