using Pipeline.Cleaning.Decoding;
using Pipeline.Cleaning.Html;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning;

/// <summary>Removes boilerplate from HTML pages and plain-text dumps. Thread-safe: one instance can serve concurrent callers.</summary>
public sealed class DocumentCleaner(CleaningOptions? options = null)
{
    private readonly CleaningOptions options = options ?? new CleaningOptions();
    private readonly LineModel? lineModel = LoadLineModel(options ?? new CleaningOptions());

    /// <summary>Cleans one document: decodes it, keeps the main text, and extracts title and metadata.</summary>
    /// <exception cref="CleaningRejectedException">The input cannot be cleaned; <see cref="CleaningRejectedException.Reason"/> says why.</exception>
    public CleaningResult Clean(CleaningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Content.Span;
        if (bytes.Length > options.MaxInputBytes)
        {
            throw new CleaningRejectedException("too-large", $"The document is {bytes.Length} bytes; the limit is {options.MaxInputBytes}.");
        }

        if (bytes.Trim(" \t\r\n\f"u8).IsEmpty)
        {
            throw new CleaningRejectedException("empty", "The document is empty.");
        }

        var format = FormatDetector.Detect(input, bytes);
        var text = TextDecoder.Decode(bytes, input.ContentType, sniffHtmlMeta: format == DocumentFormat.Html);
        if (VisibleText.IsBlank(text))
        {
            throw new CleaningRejectedException("empty", "The document has no visible text (only spaces or invisible characters).");
        }

        var result = format == DocumentFormat.Html
            ? HtmlCleaner.Clean(text, input.Url, options)
            : CleanText(text, markdown: format == DocumentFormat.Markdown, format == DocumentFormat.PlainText && !input.Extracted ? lineModel : null);

        if (VisibleText.IsBlank(result.Text))
        {
            throw new CleaningRejectedException("empty-after-cleaning", "Nothing was left after removing boilerplate.");
        }

        return result;
    }

    private static LineModel? LoadLineModel(CleaningOptions options)
    {
        if (!options.TextLineModel)
        {
            return null;
        }

        if (options.TextLineModelFile is null)
        {
            return LineModel.Shipped;
        }

        using var file = File.OpenRead(options.TextLineModelFile);
        return LineModel.Read(file);
    }

    private static CleaningResult CleanText(string text, bool markdown, LineModel? model)
    {
        var outcome = PlainTextCleaner.Clean(text, markdown, model);
        return new CleaningResult(outcome.Title, outcome.Body, outcome.Published, null, null, LanguageDetector.Detect(outcome.Body), outcome.Removed);
    }
}
