namespace Pipeline.Mongo;

/// <summary>Batches of query results, fetched with getMore as they are consumed. Dispose to kill an open cursor.</summary>
public interface IAsyncCursor<out TDocument> : IDisposable, IAsyncDisposable
{
    /// <summary>The current batch (valid after <see cref="MoveNextAsync"/> returned true).</summary>
    IEnumerable<TDocument> Current { get; }

    Task<bool> MoveNextAsync(CancellationToken cancellationToken = default);
}
