using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>Runs the cleaner over a labelled data set and scores it the way the data set's benchmark does.</summary>
public static class CleaningEvaluation
{
    /// <summary>A rejected page whose labelled main text has at least this many words is a lost document.</summary>
    public const int LostPageWords = 50;

    /// <summary>Evaluates every page (or the first <paramref name="limit"/>) of a WCXB-layout folder with a default cleaner.</summary>
    /// <param name="datasetDir">The folder holding <c>html/</c> and <c>ground-truth/</c>.</param>
    /// <param name="limit">Score at most this many pages.</param>
    /// <param name="ct">Stops the run between pages.</param>
    public static CleaningReport RunWcxb(string datasetDir, int? limit, CancellationToken ct) => RunWcxb(datasetDir, limit, stride: 1, cleaner: null, ct);

    /// <summary>
    /// Evaluates on a WCXB-layout folder (<c>html/NNNN.html.gz</c>, <c>ground-truth/NNNN.json</c>): word P/R/F1 per page
    /// type, title accuracy, <c>without</c> leakage and single-thread speed.
    /// </summary>
    /// <param name="datasetDir">The folder holding <c>html/</c> and <c>ground-truth/</c>.</param>
    /// <param name="limit">Score at most this many pages (after <paramref name="stride"/>).</param>
    /// <param name="stride">Take every n-th page (1 = all), for a fixed, spread-out subset.</param>
    /// <param name="cleaner">The cleaner to evaluate; a default one when null.</param>
    /// <param name="ct">Stops the run between pages.</param>
    /// <param name="renderer">When set, each page is first rendered to plain text with it and the text dump is cleaned; the report then also scores keeping the whole dump.</param>
    /// <param name="include">When set, only the pages whose id it accepts are scored (the line model's held-out split).</param>
    public static CleaningReport RunWcxb(string datasetDir, int? limit = null, int stride = 1, DocumentCleaner? cleaner = null, CancellationToken ct = default, TextRenderer? renderer = null, Func<string, bool>? include = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        cleaner ??= new DocumentCleaner();
        var files = Directory.GetFiles(Path.Combine(datasetDir, "html"), "*.html.gz");
        Array.Sort(files, StringComparer.Ordinal);

        var scores = new Dictionary<string, List<(double P, double R, double F)>>();
        int titles = 0, titleRight = 0, without = 0, leaked = 0, with = 0, covered = 0, rejected = 0, pages = 0;
        var authors = new AuthorTally();
        var lost = new List<string>();
        var perPage = new List<PageScore>();
        var keepAll = new List<(double P, double R, double F)>();
        long bytes = 0;
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < files.Length; i += stride)
        {
            ct.ThrowIfCancellationRequested();
            if (limit is { } max && pages >= max)
            {
                break;
            }

            var id = Path.GetFileName(files[i])[..^".html.gz".Length];
            var truthPath = Path.Combine(datasetDir, "ground-truth", id + ".json");
            if (!File.Exists(truthPath) || (include is not null && !include(id)))
            {
                continue;
            }

            using var truthDoc = JsonDocument.Parse(File.ReadAllBytes(truthPath));
            var truth = truthDoc.RootElement.GetProperty("ground_truth");
            if (!truth.TryGetProperty("main_content", out var mainContent) || mainContent.ValueKind != JsonValueKind.String)
            {
                // A page without labelled main text cannot be scored; it is left out rather than counted either way.
                continue;
            }

            var html = ReadGzip(files[i]);
            var type = truthDoc.RootElement.TryGetProperty("_internal", out var meta) && meta.TryGetProperty("page_type", out var pt) && pt.TryGetProperty("primary", out var primary)
                ? primary.GetString() ?? "unknown"
                : "unknown";
            Uri.TryCreate(truthDoc.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null, UriKind.Absolute, out var url);

            string text = string.Empty, title = string.Empty;
            string? author = null;
            var input = new CleaningInput(html, id + ".html", "text/html", url);
            if (renderer is not null)
            {
                var dump = renderer.Render(html, id);
                keepAll.Add(WordOverlap.Score(dump, mainContent.GetString() ?? string.Empty));
                input = new CleaningInput(System.Text.Encoding.UTF8.GetBytes(dump), id + ".txt", "text/plain; charset=utf-8", url);
                html = input.Content.ToArray();
            }

            var cpuBefore = process.TotalProcessorTime;
            clock.Start();
            try
            {
                var result = cleaner.Clean(input);
                text = result.Text;
                title = result.Title;
                author = result.Author;
            }
            catch (CleaningRejectedException)
            {
                rejected++;
                if (WordOverlap.CountWords(mainContent.GetString()) >= LostPageWords)
                {
                    lost.Add(id);
                }
            }

            clock.Stop();
            process.Refresh();
            cpu += process.TotalProcessorTime - cpuBefore;
            bytes += html.Length;
            pages++;

            var expected = mainContent.GetString() ?? string.Empty;
            var s = WordOverlap.Score(text, expected);
            (scores.TryGetValue(type, out var list) ? list : scores[type] = []).Add(s);
            var wantAuthor = truth.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            perPage.Add(new PageScore(id, type, s.Precision, s.Recall, s.F1, wantAuthor, author));

            var wantTitle = truth.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (!string.IsNullOrWhiteSpace(wantTitle))
            {
                titles++;
                titleRight += Snippets.Normalise(wantTitle) == Snippets.Normalise(title) ? 1 : 0;
            }

            authors.Add(wantAuthor, author);
            var normalised = Snippets.Normalise(text);
            Snippets.Count(truth, "without", normalised, ref without, ref leaked);
            Snippets.Count(truth, "with", normalised, ref with, ref covered);
        }

        var byType = scores.OrderByDescending(kv => kv.Value.Count).Select(kv => Mean(kv.Key, kv.Value)).ToList();
        var overall = Mean("all", scores.Values.SelectMany(v => v).ToList());
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return new CleaningReport(
            renderer is null ? datasetDir : $"{datasetDir} rendered as text by {renderer.Name}",
            byType,
            overall,
            titles == 0 ? 0 : (double)titleRight / titles,
            without == 0 ? 0 : (double)leaked / without,
            with == 0 ? 0 : (double)covered / with,
            rejected,
            lost,
            perPage,
            authors.Accuracy,
            authors.WrongRate,
            pages / seconds,
            bytes / 1e6 / seconds,
            pages / Math.Max(cpu.TotalSeconds, 1e-9))
        {
            KeepEverything = renderer is null ? null : Mean("keep all", keepAll),
            MegabytesPerCpuSecond = bytes / 1e6 / Math.Max(cpu.TotalSeconds, 1e-9),
        };
    }

    private static PageTypeScore Mean(string type, List<(double P, double R, double F)> s) =>
        new(type, s.Count, s.Count == 0 ? 0 : s.Average(x => x.P), s.Count == 0 ? 0 : s.Average(x => x.R), s.Count == 0 ? 0 : s.Average(x => x.F));

    /// <summary>The bytes of a gzip-compressed dataset file (the WCXB pages are stored as <c>.html.gz</c>).</summary>
    internal static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
