using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// PDF with PdfPig: words, blocks (Docstrum) and reading order per page, running headers, footers and page numbers
/// removed, words mended across hyphenated line ends, one paragraph per block. Metadata from the information
/// dictionary, then XMP.
/// </summary>
internal sealed class PdfExtractor(ExtractionOptions options)
{
    public ExtractedText Extract(ReadOnlyMemory<byte> content)
    {
        if (content.Span[Math.Max(0, content.Length - 2048)..].IndexOf("%%EOF"u8) < 0)
        {
            // Lenient parsing would recover some pages of a cut file and lose the rest without a word.
            throw new CleaningRejectedException("corrupt", "The PDF is truncated: it has no end-of-file marker.");
        }

        ReferenceLoops.ThrowIfAny(content.Span);
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = 64 });
            if (document.NumberOfPages > options.MaxPages)
            {
                throw new CleaningRejectedException("too-many-pages", $"The PDF has {document.NumberOfPages} pages; the limit is {options.MaxPages}.");
            }

            var pages = new List<List<PdfBlock>>(document.NumberOfPages);
            var letters = 0;
            foreach (var page in document.GetPages())
            {
                letters += page.Letters.Count;
                pages.Add(Blocks(page));
            }

            if (letters == 0)
            {
                throw new CleaningRejectedException("no-text-layer", "The PDF has no text layer (a scan?); OCR is not supported.");
            }

            var removed = RunningLines.Remove(pages);
            var (text, starts) = Compose(pages);
            var placed = removed.Select(r => r with { Offset = r.Offset < starts.Count ? starts[r.Offset.Value] : text.Length }).ToList();
            return new ExtractedText(DocumentFormats.Pdf, text, [], PdfMetadata.Read(document), starts, placed, []);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new CleaningRejectedException("encrypted", "The PDF is protected by a password.");
        }
        catch (Exception ex) when (ex is not CleaningRejectedException and not OutOfMemoryException and not RegexMatchTimeoutException)
        {
            // PdfPig reports malformed files with many exception types (format, stream, index, cast): all are the file's fault.
            throw new CleaningRejectedException("corrupt", $"The PDF cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// Past this many letters on one page the layout analysis (nearest-neighbour words, Docstrum blocks, reading
    /// order) grows superlinearly: a fuzzed page of 400 KB took over 10 s. A dense real page has a few thousand.
    /// </summary>
    internal const int MaxLettersForLayout = 20_000;

    private static List<PdfBlock> Blocks(Page page)
    {
        if (page.Letters.Count == 0)
        {
            return [];
        }

        if (page.Letters.Count > MaxLettersForLayout)
        {
            return PlainBlocks(page);
        }

        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).ToList();
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        var result = new List<PdfBlock>();
        foreach (var block in ordered)
        {
            var lines = block.TextLines
                .Where(l => !string.IsNullOrWhiteSpace(l.Text))
                .Select(l => new PdfLine(Normalize(l.Text), l.BoundingBox.Left, l.BoundingBox.Top, l.BoundingBox.Bottom))
                .ToList();
            if (lines.Count > 0)
            {
                result.Add(new PdfBlock(lines));
            }
        }

        return result;
    }

    /// <summary>
    /// The text of an oversized page without layout analysis: words in lines by their baseline, top to bottom, left to
    /// right; a new block where the gap to the line above is more than twice a line's height. Linear after a sort.
    /// </summary>
    private static List<PdfBlock> PlainBlocks(Page page)
    {
        var lines = page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var words = g.OrderBy(w => w.BoundingBox.Left).ToList();
                return new PdfLine(Normalize(string.Join(' ', words.Select(w => w.Text))), words[0].BoundingBox.Left, words.Max(w => w.BoundingBox.Top), g.Key);
            })
            .Where(l => !string.IsNullOrWhiteSpace(l.Text));
        var blocks = new List<PdfBlock>();
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            var height = Math.Max(1, line.Top - line.Bottom);
            if (previous is null || previous.Bottom - line.Top > 2 * height)
            {
                blocks.Add(new PdfBlock([]));
            }

            blocks[^1].Lines.Add(line);
            previous = line;
        }

        return blocks;
    }

    private static (string Text, List<int> Starts) Compose(List<List<PdfBlock>> pages)
    {
        var text = new StringBuilder();
        var starts = new List<int>(pages.Count);
        var paragraph = new StringBuilder();
        foreach (var blocks in pages)
        {
            var first = true;
            foreach (var block in blocks)
            {
                var next = new StringBuilder();
                foreach (var line in block.Lines)
                {
                    LineJoiner.Append(next, line.Text);
                }

                if (first)
                {
                    first = false;
                    if (paragraph.Length > 0 && LineJoiner.Continues(paragraph.ToString(), next.ToString()))
                    {
                        // The paragraph runs over the page break: the new page starts where its part begins.
                        var joined = new StringBuilder().Append(paragraph);
                        LineJoiner.Append(joined, LineJoiner.Continuation.ToString());
                        text.Append(joined, 0, joined.Length - 1);
                        paragraph.Clear();
                        starts.Add(text.Length);
                        paragraph.Append(next);
                        continue;
                    }

                    Flush(text, paragraph);
                    starts.Add(text.Length);
                }
                else
                {
                    Flush(text, paragraph);
                }

                paragraph.Append(next);
            }

            if (first)
            {
                Flush(text, paragraph);
                starts.Add(text.Length);
            }
        }

        Flush(text, paragraph);
        return (text.ToString(), starts);
    }

    /// <summary>No-break spaces and tabs become plain spaces, as the cleaner would make them, so page ranges map exactly.</summary>
    private static string Normalize(string line) =>
        string.Join(' ', line.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    private static void Flush(StringBuilder text, StringBuilder paragraph)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        text.Append(paragraph).Append("\n\n");
        paragraph.Clear();
    }
}
