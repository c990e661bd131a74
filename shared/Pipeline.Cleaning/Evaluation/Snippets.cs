using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>Snippet matching on word sequences, so punctuation and spacing differences do not decide a match.</summary>
internal static partial class Snippets
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    /// <summary>Lower-cased words joined by single spaces, with spaces at both ends so matches fall on word boundaries.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return " ";
        }

        var sb = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var m in Word().EnumerateMatches(text))
        {
            sb.Append(text.AsSpan(m.Index, m.Length)).Append(' ');
        }

        return sb.ToString().ToLowerInvariant();
    }

    public static void Count(JsonElement truth, string property, string normalisedText, ref int total, ref int found)
    {
        if (!truth.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            var snippet = Normalise(item.GetString());
            if (snippet.Length <= 1)
            {
                continue;
            }

            total++;
            found += normalisedText.Contains(snippet, StringComparison.Ordinal) ? 1 : 0;
        }
    }
}
