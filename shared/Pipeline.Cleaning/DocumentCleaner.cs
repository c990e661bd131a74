using System.Text;

namespace Pipeline.Cleaning;

/// <summary>Removes boilerplate from HTML pages and plain-text dumps. Thread-safe.</summary>
public sealed class DocumentCleaner(CleaningOptions? options = null)
{
    private readonly CleaningOptions options = options ?? new CleaningOptions();

    /// <summary>Cleans one document.</summary>
    /// <exception cref="CleaningRejectedException">The input cannot be cleaned; the exception says why.</exception>
    public CleaningResult Clean(CleaningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Content.Length > options.MaxInputBytes)
        {
            throw new CleaningRejectedException("too-large", $"The document is {input.Content.Length} bytes; the limit is {options.MaxInputBytes}.");
        }

        // Placeholder until the cleaning library lands: decode and pass through.
        var text = Encoding.UTF8.GetString(input.Content.Span).Trim();
        if (text.Length == 0)
        {
            throw new CleaningRejectedException("empty", "The document is empty.");
        }

        return new CleaningResult(string.Empty, text, null, null, null, null, []);
    }
}
