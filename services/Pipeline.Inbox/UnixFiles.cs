using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pipeline.Inbox;

/// <summary>
/// <c>lstat</c> and an <c>open</c> that never follows a link nor blocks on a FIFO: .NET exposes neither the file type
/// nor the link count, and its open follows symbolic links. On Linux through <c>statx</c> (its structure is the same
/// on every architecture); elsewhere from what .NET can tell.
/// </summary>
internal static partial class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;
    private const int ELOOP = 40;

    // O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, and O_NOFOLLOW whose value depends on the architecture.
    private static readonly int OpenFlags = 0x800 | 0x80000 | 0x100
        | (RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000);

    /// <summary>The entry itself, never the target of a link.</summary>
    public static FileFacts Inspect(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return InspectPortably(path);
        }

        var buffer = default(Statx);
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, ref buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == ENOENT ? FileFacts.Missing : throw new IOException($"statx failed with errno {errno} for '{path}'.");
        }

        return buffer.ToFacts();
    }

    /// <summary>
    /// Opens a regular file for reading without following a link and without blocking on a FIFO, then checks what was
    /// opened (not what the name pointed at a moment before) is a regular file with one name. Null when it is not;
    /// <paramref name="opened"/> then says what it was.
    /// </summary>
    public static SafeFileHandle? OpenRegular(string path, out FileFacts opened)
    {
        if (!OperatingSystem.IsLinux())
        {
            opened = InspectPortably(path);
            return opened.Kind == FileKind.Regular ? File.OpenHandle(path) : null;
        }

        var fd = open(path, OpenFlags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            opened = errno switch
            {
                ENOENT => FileFacts.Missing,
                ELOOP => Inspect(path) is { Kind: FileKind.SymbolicLink } link ? link : FileFacts.Missing with { Kind = FileKind.SymbolicLink },
                _ => throw new IOException($"open failed with errno {errno} for '{path}'."),
            };
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = default(Statx);
        if (statx(fd, string.Empty, AtEmptyPath, StatxBasicStats, ref buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"statx failed with errno {errno} on the opened '{path}'.");
        }

        opened = buffer.ToFacts();
        if (opened.Kind != FileKind.Regular || opened.Refusal is not null)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    private static FileFacts InspectPortably(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return FileFacts.Missing;
        }

        var kind = info.LinkTarget is not null ? FileKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : FileKind.Regular;
        return new FileFacts(kind, 1, 0, 0, kind == FileKind.Regular ? info.Length : 0, info.LastWriteTimeUtc);
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, ref Statx buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string pathname, int flags);

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(16)] public uint Links;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;

        public readonly FileFacts ToFacts()
        {
            var kind = (Mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                _ => FileKind.Socket,
            };
            var written = DateTime.UnixEpoch.AddTicks((MtimeSeconds * TimeSpan.TicksPerSecond) + (MtimeNanoseconds / 100));
            return new FileFacts(kind, Links, ((ulong)DeviceMajor << 32) | DeviceMinor, Inode, (long)Size, written);
        }
    }
}
