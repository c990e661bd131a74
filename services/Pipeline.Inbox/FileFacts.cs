namespace Pipeline.Inbox;

/// <summary>The <c>lstat</c> facts the inbox decides on: kind, link count, identity, size and write time.</summary>
public readonly record struct FileFacts(FileKind Kind, uint Links, ulong Device, ulong Inode, long Length, DateTime WrittenAtUtc)
{
    public static FileFacts Missing { get; } = new(FileKind.Missing, 0, 0, 0, 0, default);

    /// <summary>Why the inbox will not read this entry, or null for a plain file with one name.</summary>
    public string? Refusal => Kind switch
    {
        FileKind.Regular when Links > 1 => "hard-link",
        FileKind.Regular or FileKind.Missing => null,
        FileKind.SymbolicLink => "symlink",
        FileKind.Directory => "directory",
        _ => "special-file",
    };

    /// <summary>A sentence for <see cref="Refusal"/>.</summary>
    public string RefusalDetail => Refusal switch
    {
        "hard-link" => $"The file has {Links} names (a hard link): it may be a file from outside the inbox, so it is not read. Copy the file instead of linking it.",
        "symlink" => "The entry is a symbolic link: links are never followed, so it is not read. Copy the file instead of linking it.",
        "special-file" => $"The entry is a {Kind} rather than a regular file, so it is not read.",
        _ => "The entry is not a regular file.",
    };
}
