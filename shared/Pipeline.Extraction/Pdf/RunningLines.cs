using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// Finds running headers and footers - the top or bottom row of a page (every line level with the topmost or
/// bottommost one: date left, title centre, number right), repeated on most pages once digits are ignored - and
/// bare page numbers, and removes them from the pages with their kind. Each block's offset is, until
/// <see cref="PdfExtractor"/> turns it into a text position, the page break it stood at (a header at its page's
/// start, a footer at the next page's).
/// </summary>
internal static partial class RunningLines
{
    public const string PageHeader = "page-header";
    public const string PageFooter = "page-footer";
    public const string PageNumber = "page-number";

    private const int MaxRowChars = 200;

    public static List<RemovedBlock> Remove(List<List<PdfBlock>> pages)
    {
        var removed = new List<RemovedBlock>();
        var headers = Repeated(pages, top: true);
        var footers = Repeated(pages, top: false);
        for (var p = 0; p < pages.Count; p++)
        {
            var blocks = pages[p];
            Strip(blocks, Row(blocks, top: true), headers, PageHeader, removed, p);
            Strip(blocks, Row(blocks, top: false), footers, PageFooter, removed, p + 1);
            blocks.RemoveAll(b => b.Lines.Count == 0);
        }

        return removed;
    }

    private static void Strip(List<PdfBlock> blocks, List<PdfLine> row, HashSet<string> repeated, string kind, List<RemovedBlock> removed, int pageBreak)
    {
        if (row.Count == 0)
        {
            return;
        }

        var text = RowText(row);
        var drop = new List<PdfLine>();
        if (repeated.Contains(Key(row)) || IsPageNumber(text))
        {
            removed.Add(new RemovedBlock(IsPageNumber(text) ? PageNumber : kind, text, pageBreak));
            drop.AddRange(row);
        }
        else
        {
            // A page number beside other words that do not repeat (a chapter title): only the number goes.
            foreach (var line in row.Where(l => IsPageNumber(l.Text)))
            {
                removed.Add(new RemovedBlock(PageNumber, line.Text, pageBreak));
                drop.Add(line);
            }
        }

        foreach (var block in blocks)
        {
            block.Lines.RemoveAll(drop.Contains);
        }
    }

    private static HashSet<string> Repeated(List<List<PdfBlock>> pages, bool top)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var withText = 0;
        foreach (var blocks in pages)
        {
            var row = Row(blocks, top);
            if (row.Count == 0)
            {
                continue;
            }

            withText++;
            var key = Key(row);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        // "Most pages": at least half of them, and never a line seen on a single page.
        var needed = Math.Max(2, (withText + 1) / 2);
        return counts.Where(c => c.Value >= needed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The lines level with the page's topmost (or bottommost) line, when together they are short.</summary>
    private static List<PdfLine> Row(List<PdfBlock> blocks, bool top)
    {
        PdfLine? edge = null;
        foreach (var line in blocks.SelectMany(b => b.Lines))
        {
            if (edge is null || (top ? line.Top > edge.Top : line.Bottom < edge.Bottom))
            {
                edge = line;
            }
        }

        if (edge is null)
        {
            return [];
        }

        var row = blocks.SelectMany(b => b.Lines).Where(l => top ? l.Top >= edge.Bottom : l.Bottom <= edge.Top).OrderBy(l => l.Left).ToList();
        return row.Sum(l => l.Text.Length + 1) <= MaxRowChars ? row : [];
    }

    private static string RowText(List<PdfLine> row) => string.Join(' ', row.Select(l => l.Text));

    /// <summary>The row's words, sorted, digits as '#': "3 Annual report" and "Annual report 4" are the same running line.</summary>
    private static string Key(List<PdfLine> row)
    {
        var words = new List<string>();
        foreach (var word in RowText(row).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = new StringBuilder(word.Length);
            foreach (var c in word)
            {
                if (!char.IsDigit(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                }
                else if (key.Length == 0 || key[^1] != '#')
                {
                    key.Append('#');
                }
            }

            words.Add(key.ToString());
        }

        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    public static bool IsPageNumber(string text) => PageNumberPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:(?:page|p\.|seite|pagina|página)\s*)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–—])?(?:\s*(?:of|/|de|von)\s*\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumberPattern();
}
