using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// PdfPig follows an object that is only a reference to another object recursively, so a ring of such objects
/// (<c>4 0 obj 5 0 R endobj</c>, <c>5 0 obj 4 0 R endobj</c>) overflows the stack and kills the process. The ring is
/// found in the raw bytes first and the file rejected. Objects hidden in compressed object streams are not seen here.
/// </summary>
internal static partial class ReferenceLoops
{
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
            next[long.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)] =
                long.Parse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
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

    [GeneratedRegex(@"(?<![0-9])(\d{1,10})\s+\d{1,5}\s+obj\s*(\d{1,10})\s+\d{1,5}\s+R\s*endobj", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex BareReference();
}
