using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Inbox;

/// <summary>Identity of inbox files: the file name (not its folder) is the canonical source.</summary>
public static class InboxSources
{
    public const string Kind = "inbox";

    public static DocumentSource For(string fileName) => new(Kind, DocumentIdentity.InboxUri(fileName), fileName);

    public static Guid IdOf(string fileName) => DocumentIdentity.ForSourceUri(DocumentIdentity.InboxUri(fileName));
}
