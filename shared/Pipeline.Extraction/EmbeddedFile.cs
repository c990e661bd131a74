namespace Pipeline.Extraction;

/// <summary>A file inside another one: an archive entry or an e-mail attachment, already read into memory.</summary>
/// <param name="Path">The entry path or attachment name, relative to its container, with '/' separators.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The declared media type, when the container gives one.</param>
internal sealed record EmbeddedFile(string Path, byte[] Content, string? ContentType = null);
