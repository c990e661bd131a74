using System.ComponentModel.DataAnnotations;

namespace Pipeline.Cleaner;

/// <summary>The site template learner, in the <c>Cleaner:SiteTemplate</c> section (<c>Cleaner__SiteTemplate__Enabled</c>).</summary>
public sealed class SiteTemplateSettings
{
    public const string SectionName = "Cleaner:SiteTemplate";

    /// <summary>Remove lines a site repeats across its documents (kind <c>template</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Documents a line must have had the chance to appear in before it can be template.</summary>
    [Range(2, 1_000)]
    public int MinDocuments { get; set; } = 5;

    /// <summary>Share of those documents it must have appeared in.</summary>
    [Range(0.1, 1.0)]
    public double MinShare { get; set; } = 0.6;

    /// <summary>Distinct lines remembered per site (the least counted go first).</summary>
    [Range(100, 1_000_000)]
    public int MaxLinesPerSite { get; set; } = 5_000;

    /// <summary>Documents remembered per site, so a re-fetched page is not counted twice.</summary>
    [Range(100, 10_000_000)]
    public int MaxDocumentsPerSite { get; set; } = 20_000;

    /// <summary>Lines not seen for this many days are forgotten.</summary>
    [Range(1, 3_650)]
    public int MaxAgeDays { get; set; } = 180;
}
