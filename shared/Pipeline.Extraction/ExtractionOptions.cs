namespace Pipeline.Extraction;

/// <summary>Limits that keep hostile documents (zip bombs, endless PDFs, deep nesting) from exhausting the process.</summary>
public sealed class ExtractionOptions
{
    /// <summary>The most bytes all entries of an archive or package may expand to, together. Default 64 MiB.</summary>
    public long MaxExpandedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most entries an archive or package may hold. Default 2,000.</summary>
    public int MaxEntries { get; init; } = 2_000;

    /// <summary>How deep archives and attachments may nest (an archive in an archive is 2). Default 2.</summary>
    public int MaxNesting { get; init; } = 2;

    /// <summary>An entry expanding more than this many times its compressed size is a zip bomb. Default 200.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>PDFs with more pages are rejected (<c>too-many-pages</c>). Default 2,000.</summary>
    public int MaxPages { get; init; } = 2_000;
}
