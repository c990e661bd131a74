using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Pipeline.Cli.Bench;

/// <summary>
/// The benchmark's documents: real WCXB web pages (about 15% of the corpus, two thirds of them over 100 kB) between
/// variants of the seed articles, each seed with two paragraphs of other articles' main text inserted, so every
/// document's cleaned text is distinct and the store really writes it.
/// </summary>
internal static class BenchCorpus
{
    private const double HtmlShare = 0.15;

    /// <summary>The corpus files in drop order: taken from <paramref name="folder"/> when it already holds enough, built there otherwise.</summary>
    public static IReadOnlyList<string> Prepare(string folder, int count, string dataset, string seeds)
    {
        Directory.CreateDirectory(folder);
        var existing = Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (existing.Count >= count)
        {
            return existing.Take(count).ToList();
        }

        if (existing.Count > 0)
        {
            throw new InvalidOperationException($"{folder} holds {existing.Count} files, fewer than {count}: give an empty folder or one with enough files.");
        }

        var pages = Directory.GetFiles(Path.Combine(dataset, "html"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        var seedTexts = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (pages.Count == 0 || seedTexts.Count == 0)
        {
            throw new InvalidOperationException($"The corpus needs WCXB pages in {dataset}/html and seed articles (*.txt) in {seeds}.");
        }

        var pool = Paragraphs(Path.Combine(dataset, "ground-truth"));
        var htmlCount = Math.Min(pages.Count, (int)Math.Ceiling(count * HtmlShare));
        var files = new List<string>(count);
        var htmlSeen = 0;
        for (var i = 0; i < count; i++)
        {
            // Spread the pages evenly through the drop order, so the load is steady.
            var isHtml = (long)(i + 1) * htmlCount / count > (long)i * htmlCount / count;
            string path;
            if (isHtml)
            {
                path = Path.Combine(folder, $"doc-{i:D6}.html");
                using var gzip = new GZipStream(File.OpenRead(pages[(int)((long)htmlSeen++ * pages.Count / htmlCount)]), CompressionMode.Decompress);
                using var target = File.Create(path);
                gzip.CopyTo(target);
            }
            else
            {
                path = Path.Combine(folder, $"doc-{i:D6}.txt");
                File.WriteAllText(path, Variant(seedTexts[i % seedTexts.Count], pool, i));
            }

            files.Add(path);
        }

        return files;
    }

    private static string Variant(string seed, IReadOnlyList<string> pool, int index)
    {
        var paragraphs = seed.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (pool.Count > 0)
        {
            paragraphs.Insert(Math.Min(2, paragraphs.Count), pool[index % pool.Count]);
            paragraphs.Insert(Math.Max(1, paragraphs.Count - 1), pool[(int)(((long)index * 7919 + 13) % pool.Count)]);
        }

        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        return text.ToString();
    }

    private static List<string> Paragraphs(string groundTruth)
    {
        var pool = new List<string>();
        if (!Directory.Exists(groundTruth))
        {
            return pool;
        }

        foreach (var file in Directory.GetFiles(groundTruth, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!json.RootElement.TryGetProperty("ground_truth", out var truth)
                || !truth.TryGetProperty("main_content", out var content)
                || content.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            foreach (var paragraph in content.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (paragraph.Length is >= 200 and <= 1500)
                {
                    pool.Add(paragraph);
                }
            }
        }

        return pool;
    }
}
