using System.ComponentModel.DataAnnotations;

namespace Pipeline.Inbox;

/// <summary>The <c>Inbox</c> configuration section (<c>Inbox__Path=/inbox</c>).</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>The watched folder; <c>processing/</c>, <c>done/</c> and <c>failed/</c> are created inside it.</summary>
    [Required]
    public string Path { get; set; } = "inbox";

    /// <summary>A full rescan every this many seconds catches anything the file watcher missed.</summary>
    [Range(1, 3600)]
    public int RescanSeconds { get; set; } = 5;

    /// <summary>A file is taken once its size and write time have not changed for this long.</summary>
    [Range(0, 60_000)]
    public int StableMilliseconds { get; set; } = 500;

    /// <summary>
    /// At most this many files are claimed and not yet finished; more wait in the inbox folder. Keeps the memory of
    /// the in-memory transport (and the broker's queues) flat however many files are dropped at once.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 256;

    /// <summary>The file types accepted; anything else goes to <c>failed/</c> as unsupported.</summary>
    public string[] Extensions { get; set; } = [".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"];
}
