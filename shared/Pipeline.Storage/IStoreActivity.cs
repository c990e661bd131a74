namespace Pipeline.Storage;

/// <summary>Recent activity and size, for a status page. Implemented by the SQLite store (the MongoDB side follows its driver move).</summary>
public interface IStoreActivity
{
    /// <summary>Documents stored in each whole minute from <paramref name="since"/>, oldest first (minutes with none are left out).</summary>
    Task<IReadOnlyList<MinuteCount>> StoredPerMinuteAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The store's size on disk, in bytes.</summary>
    Task<long> SizeBytesAsync(CancellationToken cancellationToken);
}
