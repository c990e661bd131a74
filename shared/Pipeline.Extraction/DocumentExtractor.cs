using System.Text;
using Pipeline.Cleaning;
using Pipeline.Extraction.Archives;
using Pipeline.Extraction.Mail;
using Pipeline.Extraction.Office;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Markup;

namespace Pipeline.Extraction;

/// <summary>
/// Turns a file of any supported format into cleaned documents: the format is sniffed from the bytes (then the content
/// type, then the name), the format's extractor reads it, and the HTML or plain-text cleaner cleans the result.
/// Archives and e-mail attachments yield documents of their own. Thread-safe.
/// </summary>
public sealed class DocumentExtractor(DocumentCleaner cleaner, ExtractionOptions? options = null)
{
    private readonly ExtractionOptions options = options ?? new ExtractionOptions();

    /// <summary>Extracts and cleans <paramref name="input"/> and everything inside it.</summary>
    /// <exception cref="CleaningRejectedException">The file itself cannot be read; the reason says why (<c>encrypted</c>, <c>no-text-layer</c>, <c>zip-bomb</c>...).</exception>
    public ExtractionOutcome Process(CleaningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var documents = new List<ExtractedDocument>();
        var skipped = new List<SkippedEntry>();
        var budget = new ExpansionBudget(options.MaxExpandedBytes);
        Process(input, null, null, 0, budget, documents, skipped);
        return new ExtractionOutcome(documents, skipped);
    }

    private void Process(CleaningInput input, string? path, string? parent, int depth, ExpansionBudget budget, List<ExtractedDocument> documents, List<SkippedEntry> skipped)
    {
        var bytes = input.Content.Span;
        if (bytes.Trim(" \t\r\n\f"u8).IsEmpty)
        {
            throw new CleaningRejectedException("empty", "The document is empty.");
        }

        var format = FormatSniffer.Detect(bytes, input.FileName, input.ContentType);
        switch (format)
        {
            case DocumentFormats.Text or DocumentFormats.Html:
                documents.Add(new ExtractedDocument(path, parent, format, cleaner.Clean(input), []));
                return;
            case DocumentFormats.Zip or DocumentFormats.Tar:
                Expand(format, input, path, depth, budget, documents, skipped);
                return;
        }

        var extracted = format switch
        {
            DocumentFormats.Pdf => new PdfExtractor(options).Extract(input.Content),
            DocumentFormats.Docx => DocxExtractor.Extract(Package(input, budget)),
            DocumentFormats.Pptx => PptxExtractor.Extract(Package(input, budget)),
            DocumentFormats.Epub => EpubExtractor.Extract(input.Content, options, budget),
            DocumentFormats.Eml => EmlExtractor.Extract(input.Content, options, budget),
            DocumentFormats.Markdown => MarkdownExtractor.Extract(Decode(input)),
            _ => throw new CleaningRejectedException("unsupported-format", $"The format '{format}' is not supported."),
        };

        documents.Add(Clean(extracted, input.Url, path, parent));
        foreach (var attachment in extracted.Attachments)
        {
            Child(attachment, path, depth, budget, documents, skipped);
        }
    }

    private void Expand(string format, CleaningInput input, string? path, int depth, ExpansionBudget budget, List<ExtractedDocument> documents, List<SkippedEntry> skipped)
    {
        if (depth >= options.MaxNesting)
        {
            throw new CleaningRejectedException("nesting-too-deep", $"Archives nest deeper than {options.MaxNesting} levels.");
        }

        var entries = format == DocumentFormats.Zip
            ? ZipReader.Read(input.Content, options, budget)
            : TarReader.Read(input.Content, options, budget);
        var before = documents.Count;
        foreach (var entry in entries)
        {
            Child(entry, path, depth, budget, documents, skipped);
        }

        if (documents.Count == before)
        {
            throw new CleaningRejectedException("no-documents", $"None of the archive's {entries.Count} entries is a document that could be read.");
        }
    }

    private void Child(EmbeddedFile file, string? container, int depth, ExpansionBudget budget, List<ExtractedDocument> documents, List<SkippedEntry> skipped)
    {
        var path = container is null ? file.Path : container + "/" + file.Path;
        if (!IsSupported(file))
        {
            skipped.Add(new SkippedEntry(path, "unsupported-format", $"'{file.Path}' is not a supported document type."));
            return;
        }

        try
        {
            Process(new CleaningInput(file.Content, Path.GetFileName(file.Path), file.ContentType), path, container, depth + 1, budget, documents, skipped);
        }
        catch (CleaningRejectedException ex)
        {
            skipped.Add(new SkippedEntry(path, ex.Reason, ex.Message));
        }
    }

    private static bool IsSupported(EmbeddedFile file)
    {
        var name = file.Path.ToLowerInvariant();
        return DocumentFormats.Extensions.Any(e => name.EndsWith(e, StringComparison.Ordinal))
            || (FormatSniffer.MediaType(file.ContentType) is { } media && media != "text/plain" && DocumentFormats.MediaTypes.Contains(media));
    }

    private byte[] Package(CleaningInput input, ExpansionBudget budget)
    {
        // Office files are zips: the same bomb checks as an archive before the SDK inflates any part.
        ZipReader.Check(input.Content, options, budget);
        return input.Content.ToArray();
    }

    private ExtractedDocument Clean(ExtractedText extracted, Uri? url, string? path, string? parent)
    {
        var meta = extracted.Metadata;
        var cleaned = extracted.HtmlParts.Count > 0 ? CleanHtmlParts(extracted.HtmlParts, url) : CleanText(extracted.Text, meta.Title);
        var result = cleaned with
        {
            Title = meta.Title ?? cleaned.Title,
            Author = meta.Author ?? cleaned.Author,
            Published = cleaned.Published ?? meta.Published,
            Removed = [.. OffsetMapper.Map(extracted.Text, cleaned.Text, extracted.Removed), .. cleaned.Removed],
        };
        var pages = extracted.PageStarts.Count > 1 ? PageMapper.Map(extracted.Text, extracted.PageStarts, cleaned.Text) : [];
        return new ExtractedDocument(path, parent, extracted.Format, result, pages);
    }

    /// <summary>
    /// The text cleaner picks a title among the first lines and takes short lines above it for a site's masthead. A
    /// title the file declares goes first, as a heading, so it is the one picked and nothing of the document is lost above it.
    /// </summary>
    private CleaningResult CleanText(string text, string? title)
    {
        if (title is null)
        {
            return cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(text), "document.txt", "text/plain; charset=utf-8") { Extracted = true });
        }

        var marked = "# " + title + "\n\n" + text;
        return cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(marked), "document.md", "text/markdown; charset=utf-8") { Extracted = true });
    }

    /// <summary>Each part (a chapter, a body) is cleaned on its own, so one long chapter never hides the others as "not main content".</summary>
    private CleaningResult CleanHtmlParts(IReadOnlyList<string> parts, Uri? url)
    {
        var results = new List<CleaningResult>(parts.Count);
        CleaningRejectedException? last = null;
        foreach (var part in parts)
        {
            try
            {
                results.Add(cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(part), "document.html", "text/html; charset=utf-8", url)));
            }
            catch (CleaningRejectedException ex) when (ex.Reason is "empty" or "empty-after-cleaning")
            {
                // A cover page or an image-only chapter: nothing to keep from it.
                last = ex;
            }
        }

        if (results.Count == 0)
        {
            throw last ?? new CleaningRejectedException("empty", "The document has no text.");
        }

        // Each part's removed blocks move with the part's place in the joined text.
        var removed = new List<RemovedBlock>();
        var start = 0;
        foreach (var r in results)
        {
            removed.AddRange(r.Removed.Select(b => b.Offset is { } offset ? b with { Offset = start + offset } : b));
            start += r.Text.Length + 2;
        }

        var first = results[0];
        return first with
        {
            Text = string.Join("\n\n", results.Select(r => r.Text)),
            Author = first.Author ?? results.Select(r => r.Author).FirstOrDefault(a => a is not null),
            Published = first.Published ?? results.Select(r => r.Published).FirstOrDefault(p => p is not null),
            Removed = removed,
        };
    }

    private static string Decode(CleaningInput input)
    {
        var bytes = input.Content.Span;
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new CleaningRejectedException("binary", "The document contains NUL bytes: it is binary, not text.");
        }

        return new UTF8Encoding(false, false).GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
    }
}
