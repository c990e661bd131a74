using System.Text.RegularExpressions;

namespace Pipeline.Extraction;

/// <summary>Tidies metadata values; drops the placeholders tools write ("Untitled", "Microsoft Word - report.docx").</summary>
internal static partial class MetadataText
{
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Spaces().Replace(value, " ").Trim();
        return text.Length is 0 or > 500 ? null : text;
    }

    public static string? Title(string? value)
    {
        var text = Clean(value);
        return text is null || Placeholder().IsMatch(text) ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:untitled|no title|title|document\d*|slide \d+|presentation\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pptx?|pdf|txt|rtf|odt|tex|indd|qxd))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
