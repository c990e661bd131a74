using Pipeline.Cleaning.Evaluation;

namespace Pipeline.Cleaning.Tests;

/// <summary>
/// WCXB pages rendered to whole-page text dumps (every 30th page, our own renderer): cleaning the dump must beat
/// keeping all of it. Measured when set: keep-everything F1 0.71, cleaned 0.75 (every 5th page).
/// </summary>
public sealed class TextRenderingEvaluationTests
{
    private static readonly Lazy<CleaningReport> Report = new(() =>
        CleaningEvaluation.RunWcxb(TestData.Path("datasets", "wcxb-dev"), stride: 30, renderer: TextRenderer.Create("own")));

    [Fact]
    public void Cleaning_a_text_dump_beats_keeping_all_of_it()
    {
        var report = Report.Value;
        Assert.NotNull(report.KeepEverything);
        Assert.True(report.Overall.F1 >= report.KeepEverything.F1 + 0.02, report.ToText());
        Assert.True(report.Overall.F1 >= 0.70, report.ToText());
    }

    [Fact]
    public void No_page_with_a_main_text_is_lost_from_its_text_dump() => Assert.Empty(Report.Value.Lost);

    [Fact]
    public void The_report_names_the_renderer_and_the_keep_everything_baseline()
    {
        var text = Report.Value.ToText();
        Assert.Contains("rendered as text by own", text, StringComparison.Ordinal);
        Assert.Contains("keep-everything F1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_renderer_is_refused_with_the_known_names() =>
        Assert.Contains("html2text", Assert.Throws<ArgumentException>(() => TextRenderer.Create("links")).Message, StringComparison.Ordinal);
}
