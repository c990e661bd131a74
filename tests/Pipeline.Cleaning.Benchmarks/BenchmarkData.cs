using System.IO.Compression;
using Pipeline.Cleaning.Evaluation;

namespace Pipeline.Cleaning.Benchmarks;

/// <summary>Loads benchmark inputs from the shared data folder (<c>../shared</c> from the repository root).</summary>
internal static class BenchmarkData
{
    public static string SharedDir { get; } = Find();

    public static string WcxbDir => Path.Combine(SharedDir, "datasets", "wcxb-dev");

    /// <summary>Every <paramref name="stride"/>-th WCXB page, decompressed.</summary>
    public static List<byte[]> WcxbPages(int stride)
    {
        var files = Directory.GetFiles(Path.Combine(WcxbDir, "html"), "*.html.gz");
        Array.Sort(files, StringComparer.Ordinal);
        var pages = new List<byte[]>();
        for (var i = 0; i < files.Length; i += stride)
        {
            using var file = File.OpenRead(files[i]);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            pages.Add(buffer.ToArray());
        }

        return pages;
    }

    /// <summary>
    /// Every <paramref name="stride"/>-th WCXB page as the plain-text dump <paramref name="renderer"/> makes of it (own, lynx,
    /// w3m, html2text), from the evaluation's rendering cache (rendered and cached when missing), as UTF-8.
    /// </summary>
    public static List<byte[]> TextDumps(string renderer, int stride)
    {
        var render = TextRenderer.Create(renderer).WithCache(TextRenderer.DefaultCacheDirectory);
        var files = Directory.GetFiles(Path.Combine(WcxbDir, "html"), "*.html.gz");
        Array.Sort(files, StringComparer.Ordinal);
        var pages = WcxbPages(stride);
        var dumps = new List<byte[]>();
        for (var i = 0; i < pages.Count; i++)
        {
            var id = Path.GetFileName(files[i * stride])[..^".html.gz".Length];
            dumps.Add(System.Text.Encoding.UTF8.GetBytes(render.Render(pages[i], id)));
        }

        return dumps;
    }

    /// <summary>The seed text dumps repeated until the text is at least <paramref name="bytes"/> long, as one document.</summary>
    public static byte[] PlainText(int bytes)
    {
        var seeds = Directory.GetFiles(Path.Combine(SharedDir, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        using var buffer = new MemoryStream();
        while (buffer.Length < bytes)
        {
            foreach (var seed in seeds)
            {
                buffer.Write(seed);
                buffer.Write("\n\n"u8);
            }
        }

        return buffer.ToArray();
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds")) && Directory.Exists(Path.Combine(candidate, "datasets")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("The shared data folder (../shared) was not found above " + AppContext.BaseDirectory);
    }
}
