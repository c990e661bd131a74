namespace Pipeline.Extraction;

/// <summary>Metadata a file declares about itself (PDF information and XMP, Office core properties, OPF, e-mail headers).</summary>
internal sealed record DocumentMetadata(string? Title = null, string? Author = null, DateTimeOffset? Published = null)
{
    public static DocumentMetadata None { get; } = new();
}
