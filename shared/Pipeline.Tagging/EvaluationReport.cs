using System.Globalization;
using System.Text;

namespace Pipeline.Tagging;

/// <summary>The result of <see cref="TaggerEvaluation.EvaluatePubTator"/>.</summary>
public sealed record EvaluationReport(string Source, string Model, int Documents, long Tokens, TimeSpan TaggingTime, IReadOnlyList<TypeScore> Types, TypeScore Micro)
{
    /// <summary>Tokens tagged per second (tokenize, split, tag, canonicalise, rules), one thread.</summary>
    public double TokensPerSecond => TaggingTime.TotalSeconds > 0 ? Tokens / TaggingTime.TotalSeconds : 0;

    /// <summary>The score of one type.</summary>
    public TypeScore this[string type] => Types.First(t => t.Type == type);

    /// <summary>A table of precision, recall and F1 per type and micro-averaged, then the speed.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"{Source}: {Documents} documents, {Tokens} tokens");
        sb.AppendLine(c, $"model: {Model}");
        sb.AppendLine("type          P       R       F1      TP     FP     FN");
        foreach (var t in Types.Append(Micro))
        {
            sb.AppendLine(c, $"{t.Type,-12}  {t.Precision:F4}  {t.Recall:F4}  {t.F1:F4}  {t.TruePositives,5}  {t.FalsePositives,5}  {t.FalseNegatives,5}");
        }

        sb.AppendLine(c, $"speed: {TokensPerSecond:F0} tokens/s ({TaggingTime.TotalMilliseconds:F0} ms tagging, one thread)");
        return sb.ToString();
    }
}
