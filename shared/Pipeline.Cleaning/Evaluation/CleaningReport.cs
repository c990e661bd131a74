using System.Globalization;
using System.Text;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>The outcome of an evaluation run over a labelled data set.</summary>
/// <param name="Dataset">The data set folder.</param>
/// <param name="ByType">Scores per page type, most common type first.</param>
/// <param name="Overall">Scores over all pages.</param>
/// <param name="TitleAccuracy">Share of pages whose title matched the labelled title (case and punctuation aside).</param>
/// <param name="WithoutLeakage">Share of labelled boilerplate snippets (<c>without</c>) found in the cleaned text.</param>
/// <param name="WithCoverage">Share of labelled must-keep snippets (<c>with</c>) found in the cleaned text.</param>
/// <param name="Rejected">Pages the cleaner rejected (scored as empty output).</param>
/// <param name="Lost">Ids of rejected pages whose labelled main text has 50 words or more: documents the cleaner lost.</param>
/// <param name="Pages">Each page's scores, in the order evaluated.</param>
/// <param name="AuthorAccuracy">Share of pages with a labelled author whose author was found (same name, titles and extra co-authors aside).</param>
/// <param name="WrongAuthorRate">Share of pages without a labelled author that were given one.</param>
/// <param name="PagesPerSecond">Pages cleaned per second on one thread (decode, parse, extract, metadata).</param>
/// <param name="MegabytesPerSecond">Input megabytes cleaned per second on one thread.</param>
/// <param name="PagesPerCpuSecond">Pages cleaned per second of processor time: the one-core figure when the machine is shared.</param>
public sealed record CleaningReport(
    string Dataset,
    IReadOnlyList<PageTypeScore> ByType,
    PageTypeScore Overall,
    double TitleAccuracy,
    double WithoutLeakage,
    double WithCoverage,
    int Rejected,
    IReadOnlyList<string> Lost,
    IReadOnlyList<PageScore> Pages,
    double AuthorAccuracy,
    double WrongAuthorRate,
    double PagesPerSecond,
    double MegabytesPerSecond,
    double PagesPerCpuSecond)
{
    /// <summary>For text renderings: the scores of keeping the whole dump, the baseline the cleaner must beat.</summary>
    public PageTypeScore? KeepEverything { get; init; }

    /// <summary>Input megabytes cleaned per second of processor time.</summary>
    public double MegabytesPerCpuSecond { get; init; }

    /// <summary>The F1 over article pages (0 when there are none).</summary>
    public double ArticleF1 => ByType.FirstOrDefault(t => t.PageType == "article")?.F1 ?? 0;

    /// <summary>A fixed-width table for the console.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Dataset: {Dataset}\n\n");
        sb.Append(c, $"{"page type",-15}{"pages",7}{"P",8}{"R",8}{"F1",8}\n");
        foreach (var t in ByType.Append(Overall))
        {
            sb.Append(c, $"{t.PageType,-15}{t.Pages,7}{t.Precision,8:F3}{t.Recall,8:F3}{t.F1,8:F3}\n");
        }

        sb.Append(c, $"\narticle F1         {ArticleF1:F3}\n");
        sb.Append(c, $"overall F1         {Overall.F1:F3}\n");
        if (KeepEverything is { } all)
        {
            sb.Append(c, $"keep-everything F1 {all.F1:F3} (P {all.Precision:F3}, R {all.Recall:F3})\n");
        }

        sb.Append(c, $"title accuracy     {TitleAccuracy:P1}\n");
        sb.Append(c, $"without leakage    {WithoutLeakage:P1}\n");
        sb.Append(c, $"with coverage      {WithCoverage:P1}\n");
        sb.Append(c, $"author accuracy    {AuthorAccuracy:P1}\n");
        sb.Append(c, $"wrong authors      {WrongAuthorRate:P1} of pages without one\n");
        sb.Append(c, $"rejected           {Rejected}\n");
        sb.Append(c, $"lost (>= 50 words) {Lost.Count}{(Lost.Count == 0 ? string.Empty : ": " + string.Join(' ', Lost.Take(30)))}\n");
        sb.Append(c, $"speed              {PagesPerSecond:F0} pages/s, {MegabytesPerSecond:F1} MB/s (one thread, wall clock)\n");
        sb.Append(c, $"                   {PagesPerCpuSecond:F0} pages per CPU-second, {MegabytesPerCpuSecond:F1} MB per CPU-second\n");
        return sb.ToString();
    }
}
