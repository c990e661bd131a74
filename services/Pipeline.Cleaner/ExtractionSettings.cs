using System.ComponentModel.DataAnnotations;

namespace Pipeline.Cleaner;

/// <summary>Limits for reading archives, packages and PDFs, in the <c>Pipeline</c> section (<c>Pipeline__MaxExpandedBytes</c>).</summary>
public sealed class ExtractionSettings
{
    public const string SectionName = "Pipeline";

    /// <summary>The most bytes an archive, Office package or e-mail may expand to, all entries together.</summary>
    [Range(1024, 1L << 32)]
    public long MaxExpandedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most entries an archive or package may hold.</summary>
    [Range(1, 100_000)]
    public int MaxArchiveEntries { get; set; } = 2_000;

    /// <summary>How deep archives and attachments may nest.</summary>
    [Range(1, 5)]
    public int MaxNesting { get; set; } = 2;

    /// <summary>PDFs with more pages are rejected.</summary>
    [Range(1, 100_000)]
    public int MaxPdfPages { get; set; } = 2_000;
}
