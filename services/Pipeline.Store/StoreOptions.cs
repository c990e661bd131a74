using System.ComponentModel.DataAnnotations;

namespace Pipeline.Store;

/// <summary>The <c>Store</c> configuration section: how the store groups documents into one write (<c>Store__BatchSize=64</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>At most this many documents per transaction (one SQLite transaction or one MongoDB bulk write).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>A batch closes once its texts reach this many characters, so a run of huge documents stays a small transaction.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int BatchCharacters { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a batch waits for more documents once it has its first; 0 writes whatever has arrived.</summary>
    [Range(0, 10_000)]
    public int BatchMilliseconds { get; set; } = 20;
}
