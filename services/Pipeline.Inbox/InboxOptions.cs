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

    /// <summary>
    /// A file is taken once its size and write time have not changed for this long and no process holds it open for
    /// writing. Long enough for a writer that closes and reopens its file between writes.
    /// </summary>
    [Range(0, 600_000)]
    public int StableMilliseconds { get; set; } = 2000;

    /// <summary>Files read and published at once; files left in processing/ by a crash share these workers with new files.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>A publish that has not completed in this long is abandoned and retried (with backoff, until it succeeds).</summary>
    [Range(1, 600)]
    public int PublishTimeoutSeconds { get; set; } = 15;

    /// <summary>The file types accepted (the last extension of the name: <c>.gz</c> for <c>.tar.gz</c>); anything else goes to <c>failed/</c> as unsupported.</summary>
    public string[] Extensions { get; set; } =
        [".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".pptx", ".eml", ".epub", ".zip", ".tar", ".tgz", ".gz"];

    /// <summary>
    /// At most this many files are claimed and not yet finished; more wait in the inbox folder. Keeps the memory of
    /// the in-memory transport (and the broker's queues) flat however many files are dropped at once.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 256;
}
