using Pipeline.Cleaning;
using Pipeline.Cleaning.Evaluation;

namespace Pipeline.Extraction.Tests;

/// <summary>Shared helpers: one extractor, the word F1 of a result against its source.</summary>
internal static class Extract
{
    public static DocumentExtractor Extractor { get; } = new(new DocumentCleaner());

    public static ExtractionOutcome Run(byte[] bytes, string name, string? contentType = null) =>
        Extractor.Process(new CleaningInput(bytes, name, contentType));

    public static ExtractedDocument Single(byte[] bytes, string name, string? contentType = null)
    {
        var outcome = Run(bytes, name, contentType);
        return Assert.Single(outcome.Documents);
    }

    public static string Rejection(byte[] bytes, string name) =>
        Assert.Throws<CleaningRejectedException>(() => Run(bytes, name)).Reason;

    /// <summary>Title and text together: the cleaner may lift the first line into the title.</summary>
    public static double F1(ExtractedDocument document, string source) =>
        WordOverlap.Score(document.Cleaned.Title + "\n" + document.Cleaned.Text, source).F1;
}
