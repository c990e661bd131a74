using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// PdfPig follows an object that is only a reference to another object recursively, so a ring of such objects
/// (<c>4 0 obj 5 0 R endobj</c>, <c>5 0 obj 4 0 R endobj</c>) overflows the stack and kills the process (a stack
/// overflow cannot be caught). The ring is found in the raw bytes first and the file rejected: among the plain objects
/// and among the objects packed in object streams (<c>/Type /ObjStm</c>, inflated here within a size budget).
/// </summary>
internal static partial class ReferenceLoops
{
    /// <summary>The most bytes inflated from one file's object streams; past it the rest are not looked into.</summary>
    private const int MaxInflatedBytes = 64 << 20;

    public static void ThrowIfAny(ReadOnlySpan<byte> pdf)
    {
        if (pdf.IndexOf(" R"u8) < 0)
        {
            return;
        }

        var text = Encoding.Latin1.GetString(pdf);
        var next = new Dictionary<long, long>();
        foreach (Match match in BareReference().Matches(text))
        {
            next[Number(match.Groups[1].ValueSpan)] = Number(match.Groups[2].ValueSpan);
        }

        if (text.Contains("/ObjStm", StringComparison.Ordinal))
        {
            AddPackedReferences(text, next);
        }

        foreach (var start in next.Keys)
        {
            var seen = new HashSet<long> { start };
            for (var at = start; next.TryGetValue(at, out var to);)
            {
                if (!seen.Add(to))
                {
                    throw new CleaningRejectedException("corrupt", $"The PDF's object {start} leads into a loop of references.");
                }

                at = to;
            }
        }
    }

    /// <summary>Adds the objects of each object stream that are only a reference to another object.</summary>
    private static void AddPackedReferences(string text, Dictionary<long, long> next)
    {
        var budget = MaxInflatedBytes;
        foreach (Match stream in StreamStart().Matches(text))
        {
            var dictionary = stream.Groups["dict"].Value;
            if (!dictionary.Contains("/ObjStm", StringComparison.Ordinal)
                || CountEntry().Match(dictionary) is not { Success: true } count
                || FirstEntry().Match(dictionary) is not { Success: true } first)
            {
                continue;
            }

            var start = stream.Index + stream.Length;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0 || budget <= 0)
            {
                continue;
            }

            var raw = Encoding.Latin1.GetBytes(text, start, end - start);
            var body = dictionary.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(raw, ref budget) : raw;
            if (body is not null)
            {
                ReadObjects(Encoding.Latin1.GetString(body), (int)Math.Min(Number(count.Groups[1].ValueSpan), 1_000_000), (int)Math.Min(Number(first.Groups[1].ValueSpan), int.MaxValue), next);
            }
        }
    }

    /// <summary>An object stream's body: <paramref name="count"/> pairs (object number, offset), then the objects from <paramref name="first"/>.</summary>
    private static void ReadObjects(string body, int count, int first, Dictionary<long, long> next)
    {
        if (first > body.Length)
        {
            return;
        }

        var header = Integer().Matches(body[..first]);
        var pairs = Math.Min(count, header.Count / 2);
        for (var i = 0; i < pairs; i++)
        {
            var from = first + Number(header[(2 * i) + 1].ValueSpan);
            var to = i + 1 < pairs ? first + Number(header[(2 * i) + 3].ValueSpan) : body.Length;
            if (from < first || from >= to || to > body.Length)
            {
                continue;
            }

            if (OnlyReference().Match(body, (int)from, (int)(to - from)) is { Success: true } reference)
            {
                next[Number(header[2 * i].ValueSpan)] = Number(reference.Groups[1].ValueSpan);
            }
        }
    }

    /// <summary>The inflated stream, or null when it is not valid zlib data; stops at what is left of <paramref name="budget"/>.</summary>
    private static byte[]? Inflate(byte[] raw, ref int budget)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while (output.Length < budget && (read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, budget - output.Length))) > 0)
            {
                output.Write(buffer, 0, read);
            }

            budget -= (int)output.Length;
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static long Number(ReadOnlySpan<char> digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    [GeneratedRegex(@"(?<![0-9])(\d{1,10})\s+\d{1,5}\s+obj\s*(\d{1,10})\s+\d{1,5}\s+R\s*endobj", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex BareReference();

    [GeneratedRegex(@"obj\s*<<(?<dict>(?:(?!endobj|stream)[\s\S]){0,4096}?)>>\s*stream(?:\r\n|\n|\r)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/N\s+(\d{1,10})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex CountEntry();

    [GeneratedRegex(@"/First\s+(\d{1,10})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex FirstEntry();

    [GeneratedRegex(@"\d{1,10}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Integer();

    [GeneratedRegex(@"\G\s*(\d{1,10})\s+\d{1,5}\s+R\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex OnlyReference();
}
