namespace Pipeline.Inbox;

/// <summary>
/// Which files in the inbox some process holds open for writing, from <c>/proc/*/fd</c> and <c>/proc/*/fdinfo</c>.
/// A writer that keeps its file open is seen however slowly it writes; processes of other users (or outside this
/// container) are invisible, which is what the settle time is for.
/// </summary>
internal sealed class OpenWriters(string root)
{
    private readonly string prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
    private HashSet<string> open = new(StringComparer.Ordinal);
    private DateTimeOffset takenAt = DateTimeOffset.MinValue;

    /// <summary>True when a process had <paramref name="path"/> open for writing in a look taken after <paramref name="notBefore"/>.</summary>
    public bool IsOpenForWriting(string path, DateTimeOffset notBefore, DateTimeOffset now)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // One look at /proc serves every file that became stable before it.
        if (takenAt <= notBefore)
        {
            open = Scan();
            takenAt = now;
        }

        return open.Contains(path);
    }

    private HashSet<string> Scan()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in EnumerateOrEmpty("/proc"))
        {
            var pid = Path.GetFileName(process.AsSpan());
            if (pid.Length == 0 || !char.IsAsciiDigit(pid[0]))
            {
                continue;
            }

            foreach (var fd in EnumerateOrEmpty(Path.Combine(process, "fd")))
            {
                try
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(prefix, StringComparison.Ordinal) && IsWriteMode(process, fd))
                    {
                        found.Add(target);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process or descriptor is gone, or belongs to someone we may not inspect.
                }
            }
        }

        return found;
    }

    private static bool IsWriteMode(string process, string fd)
    {
        foreach (var line in File.ReadLines(Path.Combine(process, "fdinfo", Path.GetFileName(fd))))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var flags = Convert.ToInt32(line[6..].Trim(), 8);
                return (flags & 3) != 0; // O_WRONLY or O_RDWR
            }
        }

        return false;
    }

    private static IEnumerable<string> EnumerateOrEmpty(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
