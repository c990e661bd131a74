namespace Pipeline.Inbox;

/// <summary>What a directory entry is, as <c>lstat</c> sees it (links are not followed).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}
