using System.Globalization;
using System.Text;

namespace Pipeline.Tagging;

/// <summary>The result of <see cref="TaggerEvaluation.EvaluatePubTator"/>.</summary>
public sealed record EvaluationReport(string Source, string Model, int Documents, long Tokens, TimeSpan TaggingTime, IReadOnlyList<TypeScore> Types, TypeScore Micro)
{
    /// <summary>General-domain sets: Chemical or Disease entities overlapping a gold person, organisation or place.</summary>
    public int? BiomedicalOnNames { get; init; }

    /// <summary>One report over several: counts summed per type (micro-averaged over the sets), times added.</summary>
    public static EvaluationReport Combine(string source, IReadOnlyList<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("No reports to combine.", nameof(reports));
        }

        var types = reports[0].Types.Select(t => t.Type).Select(type => Sum(type, reports.Select(r => r[type]))).ToList();
        return new EvaluationReport(
            source,
            reports[0].Model,
            reports.Sum(r => r.Documents),
            reports.Sum(r => r.Tokens),
            TimeSpan.FromTicks(reports.Sum(r => r.TaggingTime.Ticks)),
            types,
            Sum("micro", reports.Select(r => r.Micro)))
        {
            BiomedicalOnNames = reports.Any(r => r.BiomedicalOnNames is not null) ? reports.Sum(r => r.BiomedicalOnNames ?? 0) : null,
        };
    }

    private static TypeScore Sum(string type, IEnumerable<TypeScore> scores)
    {
        var list = scores.ToList();
        return new TypeScore(type, list.Sum(s => s.TruePositives), list.Sum(s => s.FalsePositives), list.Sum(s => s.FalseNegatives));
    }

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

        if (BiomedicalOnNames is { } b)
        {
            sb.AppendLine(c, $"Chemical/Disease entities on gold names: {b}");
        }

        sb.AppendLine(c, $"speed: {TokensPerSecond:F0} tokens/s ({TaggingTime.TotalMilliseconds:F0} ms tagging, one thread)");
        return sb.ToString();
    }
}
