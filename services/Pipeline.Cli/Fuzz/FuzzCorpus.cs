using System.IO.Compression;
using System.Text;

namespace Pipeline.Cli.Fuzz;

/// <summary>The seed files (<c>.gz</c> read through), split into HTML pages and texts, sampled to a fixed count.</summary>
internal sealed record FuzzCorpus(IReadOnlyList<byte[]> Texts, IReadOnlyList<byte[]> Pages)
{
    public static FuzzCorpus Load(IEnumerable<string> files, int maxPerKind, int maxBytes)
    {
        var texts = new List<byte[]>();
        var pages = new List<byte[]>();
        var random = new Random(1);
        foreach (var file in files.OrderBy(_ => random.Next()))
        {
            if (texts.Count >= maxPerKind && pages.Count >= maxPerKind)
            {
                break;
            }

            var bytes = Read(file, maxBytes);
            if (bytes is null || bytes.Length == 0)
            {
                continue;
            }

            var head = Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 1024)));
            var isPage = file.Contains(".htm", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase);
            var kind = isPage ? pages : texts;
            if (kind.Count < maxPerKind)
            {
                kind.Add(bytes);
            }
        }

        return new FuzzCorpus(texts, pages);
    }

    private static byte[]? Read(string file, int maxBytes)
    {
        using var stream = File.OpenRead(file);
        using var source = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return buffer.Length <= maxBytes ? buffer.ToArray() : null;
    }
}
