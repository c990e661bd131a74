using Pipeline.Contracts;

namespace Pipeline.Inbox;

/// <summary>Reads a file into a <see cref="DocumentFetched"/>, or says why it is rejected (empty, too large, unsupported type).</summary>
public sealed class FileIntake(int maxDocumentBytes, IReadOnlyCollection<string> extensions, TimeProvider clock)
{
    /// <summary>Exactly one of the two results is set.</summary>
    public async Task<(DocumentFetched? Fetched, DocumentRejected? Rejected)> ReadAsync(string path, Guid documentId, DocumentSource source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DocumentRejected Reject(string reason, string detail) => new(documentId, source, "inbox", reason, detail, now);

        var extension = Path.GetExtension(path);
        if (!extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return (null, Reject("unsupported-format", $"Files of type '{extension}' are not supported; use one of {string.Join(", ", extensions)}."));
        }

        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            return (null, Reject("empty", "The file is empty."));
        }

        if (info.Length > maxDocumentBytes)
        {
            return (null, Reject("too-large", $"The file is {info.Length:N0} bytes; the limit is {maxDocumentBytes:N0} (Pipeline:MaxDocumentBytes)."));
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        if (content.Length > maxDocumentBytes)
        {
            return (null, Reject("too-large", $"The file grew past the limit of {maxDocumentBytes:N0} bytes while being read."));
        }

        return (new DocumentFetched(documentId, source, now.ToUnixTimeMilliseconds(), now, null, content), null);
    }
}
