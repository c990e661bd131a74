namespace Pipeline.Cleaning.Evaluation;

/// <summary>Mean per-page word precision, recall and F1 over the pages of one type.</summary>
/// <param name="PageType">The page type ("article", "forum"...), or "all".</param>
/// <param name="Pages">How many pages were scored.</param>
/// <param name="Precision">Mean precision.</param>
/// <param name="Recall">Mean recall.</param>
/// <param name="F1">Mean F1.</param>
public sealed record PageTypeScore(string PageType, int Pages, double Precision, double Recall, double F1);
