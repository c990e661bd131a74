using System.CommandLine;
using System.Text.Json;
using Pipeline.Tagging;

namespace Pipeline.Cli;

/// <summary><c>pipeline tag PATH... --out DIR</c>: tagging only, on plain text, writing <c>name.json</c> per input.</summary>
internal static class TagCommand
{
    /// <summary>In a folder only these are tagged (so the <c>.json</c> metadata of <c>pipeline clean</c> is not).</summary>
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md" };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Plain-text files, or folders: their .txt, .text and .md files.", Arity = ArgumentArity.OneOrMore };
        var output = CliOptions.Out();
        var command = new Command("tag", "Tag entities in plain text: write their types, spans, canonical names and ids.") { paths, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<string> files;
            int skipped;
            try
            {
                (files, skipped) = Select(parse.GetValue(paths)!);
            }
            catch (FileNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var outDir = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var tagger = EntityTagger.LoadDefault();
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                var entities = tagger.Tag(text);
                var json = JsonSerializer.Serialize(
                    new { entities = entities.Select(e => new { type = e.Type, text = e.Text, start = e.Start, end = e.End, canonical = e.Canonical, id = e.Id }) },
                    CliJson.Options);

                // "a.txt" and "a.md" in one folder: the second keeps its extension instead of overwriting the first.
                var name = Path.GetFileNameWithoutExtension(file) + ".json";
                if (!written.Add(name))
                {
                    name = Path.GetFileName(file) + ".json";
                    written.Add(name);
                }

                await File.WriteAllTextAsync(Path.Combine(outDir, name), json, cancellationToken);
                Console.WriteLine($"tagged    {file} ({entities.Count} entities)");
            }

            if (skipped > 0)
            {
                Console.WriteLine($"skipped   {skipped} files that are not plain text (.txt, .text, .md)");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A file given by name is tagged whatever its extension; from a folder only text files are taken.</summary>
    internal static (IReadOnlyList<string> Files, int Skipped) Select(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = 0;
        foreach (var path in paths)
        {
            var all = CliOptions.ExpandFiles([path]);
            if (File.Exists(path))
            {
                files.AddRange(all);
                continue;
            }

            var text = all.Where(f => TextExtensions.Contains(Path.GetExtension(f))).ToList();
            files.AddRange(text);
            skipped += all.Count - text.Count;
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), skipped);
    }
}
