using Pipeline.Contracts;

namespace Pipeline.Inbox;

/// <summary>
/// What reading a claimed file gave: a document to publish, a rejection, or neither when the file is gone (a
/// completion moved it first). <paramref name="WrittenAtUtc"/> is the file's write time as found.
/// </summary>
public sealed record InboxRead(DocumentFetched? Fetched, DocumentRejected? Rejected, DateTime WrittenAtUtc)
{
    public static InboxRead Gone { get; } = new(null, null, default);
}
