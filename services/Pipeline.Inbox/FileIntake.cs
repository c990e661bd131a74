using Microsoft.Win32.SafeHandles;
using Pipeline.Contracts;

namespace Pipeline.Inbox;

/// <summary>
/// Reads a claimed file into a <see cref="DocumentFetched"/>, or says why it is rejected (a link, a special file,
/// empty, too large, unsupported type). The file is opened without following links and checked after opening.
/// </summary>
public sealed class FileIntake(int maxDocumentBytes, IReadOnlyCollection<string> extensions, TimeProvider clock)
{
    /// <summary>
    /// Reads a file named by a user (<c>pipeline ingest</c>, an upload's temporary copy): links are followed, as the
    /// user chose the path. Exactly one of the two results is set.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<(DocumentFetched? Fetched, DocumentRejected? Rejected)> ReadAsync(string path, Guid documentId, DocumentSource source, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path);
        var read = await ReadAsync(handle, path, UnixFiles.Inspect(path), documentId, source, stampVersion: false, cancellationToken);
        return (read.Fetched, read.Rejected);
    }

    /// <summary>
    /// Reads an inbox file, never through a link. A fresh file's write time is set to the version it is published with, so that after a crash
    /// the version can be compared with the stored one.
    /// </summary>
    public async Task<InboxRead> ReadAsync(string path, Guid documentId, DocumentSource source, bool stampVersion, CancellationToken cancellationToken)
    {
        using var handle = UnixFiles.OpenRegular(path, out var facts);
        if (facts.Kind == FileKind.Missing)
        {
            return InboxRead.Gone;
        }

        if (handle is null)
        {
            return new InboxRead(null, new DocumentRejected(documentId, source, "inbox", facts.Refusal ?? "special-file", facts.RefusalDetail, clock.GetUtcNow()), facts.WrittenAtUtc);
        }

        return await ReadAsync(handle, path, facts, documentId, source, stampVersion, cancellationToken);
    }

    private async Task<InboxRead> ReadAsync(SafeFileHandle handle, string path, FileFacts facts, Guid documentId, DocumentSource source, bool stampVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DocumentRejected Reject(string reason, string detail) => new(documentId, source, "inbox", reason, detail, now);

        var extension = Path.GetExtension(path);
        if (!extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return new InboxRead(null, Reject("unsupported-format", $"Files of type '{extension}' are not supported; use one of {string.Join(", ", extensions)}."), facts.WrittenAtUtc);
        }

        var length = RandomAccess.GetLength(handle);
        if (length == 0)
        {
            return new InboxRead(null, Reject("empty", "The file is empty."), facts.WrittenAtUtc);
        }

        if (length > maxDocumentBytes)
        {
            return new InboxRead(null, Reject("too-large", $"The file is {length:N0} bytes; the limit is {maxDocumentBytes:N0} (Pipeline:MaxDocumentBytes)."), facts.WrittenAtUtc);
        }

        var content = new byte[length];
        var read = 0;
        while (read < content.Length)
        {
            var n = await RandomAccess.ReadAsync(handle, content.AsMemory(read), read, cancellationToken);
            if (n == 0)
            {
                Array.Resize(ref content, read);
                break;
            }

            read += n;
        }

        if (RandomAccess.GetLength(handle) > length)
        {
            return new InboxRead(null, Reject("changed-while-read", $"The file grew past {length:N0} bytes while being read: it is still being written. Write files elsewhere and rename them into the inbox; move this one from failed/ back into the inbox once complete."), facts.WrittenAtUtc);
        }

        var stamped = stampVersion && TryStamp(handle, now);
        var fetched = new DocumentFetched(documentId, source, now.ToUnixTimeMilliseconds(), now, null, content);
        return new InboxRead(fetched, null, stamped ? DateTimeOffset.FromUnixTimeMilliseconds(fetched.Version).UtcDateTime : facts.WrittenAtUtc);
    }

    private static bool TryStamp(SafeFileHandle handle, DateTimeOffset version)
    {
        try
        {
            File.SetLastWriteTimeUtc(handle, DateTimeOffset.FromUnixTimeMilliseconds(version.ToUnixTimeMilliseconds()).UtcDateTime);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Someone else's file: its own write time (older than the version) then stands for it.
            return false;
        }
    }
}
