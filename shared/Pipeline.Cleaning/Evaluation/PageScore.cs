namespace Pipeline.Cleaning.Evaluation;

/// <summary>The word scores of one evaluated page.</summary>
/// <param name="Id">The page's file id.</param>
/// <param name="PageType">Its labelled page type.</param>
/// <param name="Precision">Word precision.</param>
/// <param name="Recall">Word recall.</param>
/// <param name="F1">Word F1.</param>
/// <param name="ExpectedAuthor">The labelled author, if any.</param>
/// <param name="Author">The author the cleaner found, if any.</param>
public sealed record PageScore(string Id, string PageType, double Precision, double Recall, double F1, string? ExpectedAuthor, string? Author);
