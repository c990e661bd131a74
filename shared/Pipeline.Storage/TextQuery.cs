using System.Text.RegularExpressions;

namespace Pipeline.Storage;

/// <summary>
/// Free-text input split into words and "quoted phrases". Only word characters survive, so no user text can
/// become a query operator in any store.
/// </summary>
public sealed partial class TextQuery
{
    private const int MaxTerms = 32;

    private TextQuery(IReadOnlyList<string> terms) => Terms = terms;

    /// <summary>Each term is a word or a phrase (words joined by single spaces), lower-cased.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static TextQuery Parse(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TextQuery(terms);
        }

        foreach (Match match in TermPattern().Matches(text))
        {
            if (terms.Count == MaxTerms)
            {
                break;
            }

            var words = Word().Matches(match.Groups["phrase"].Success ? match.Groups["phrase"].Value : match.Value)
                .Select(w => w.Value.ToLowerInvariant())
                .ToArray();
            if (words.Length > 0)
            {
                terms.Add(string.Join(' ', words));
            }
        }

        return new TextQuery(terms.Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"|[^\\s\"]+")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
