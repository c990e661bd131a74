using System.CommandLine;
using System.Text.Json;
using Pipeline.Tagging;

namespace Pipeline.Cli;

/// <summary><c>pipeline tag PATH... --out DIR</c>: tagging only, on plain text, writing <c>name.json</c> per input.</summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Plain-text files or folders of them.", Arity = ArgumentArity.OneOrMore };
        var output = CliOptions.Out();
        var command = new Command("tag", "Tag entities in plain text: write their types, spans, canonical names and ids.") { paths, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliOptions.ExpandFilesOrReportAsync(parse.GetValue(paths)!) is not { } files)
            {
                return 2;
            }

            var outDir = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var tagger = EntityTagger.LoadDefault();
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                var entities = tagger.Tag(text);
                var json = JsonSerializer.Serialize(
                    new { entities = entities.Select(e => new { type = e.Type, text = e.Text, start = e.Start, end = e.End, canonical = e.Canonical, id = e.Id }) },
                    CliJson.Options);
                await File.WriteAllTextAsync(Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json"), json, cancellationToken);
                Console.WriteLine($"tagged    {file} ({entities.Count} entities)");
            }

            return 0;
        });
        return command;
    }
}
