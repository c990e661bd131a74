using System.Collections.Concurrent;

namespace Pipeline.Mongo.Core;

/// <summary>
/// The connections to one server: at most maxPoolSize checked out, idle ones reused newest first.
/// Clearing bumps the generation so connections opened before a failure are closed instead of reused.
/// </summary>
internal sealed class ConnectionPool(MongoServerAddress address, ConnectionFactory factory, int maxPoolSize, TimeSpan waitQueueTimeout, TimeSpan? maxIdleTime)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim? _slots = maxPoolSize > 0 ? new SemaphoreSlim(maxPoolSize, maxPoolSize) : null;
    private readonly ConcurrentStack<MongoConnection> _idle = new();
    private int _generation;
    private bool _disposed;

    public MongoServerAddress Address => address;

    public async Task<MongoConnection> CheckOutAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_slots is not null && !await _slots.WaitAsync(waitQueueTimeout, cancellationToken))
        {
            throw new MongoTimeoutException($"Timed out after {waitQueueTimeout} waiting for a connection to {address} (maxPoolSize {maxPoolSize}).");
        }

        try
        {
            while (_idle.TryPop(out var idle))
            {
                if (IsReusable(idle))
                {
                    return idle;
                }

                await idle.DisposeAsync();
            }

            return await factory.OpenAsync(address, Volatile.Read(ref _generation), cancellationToken);
        }
        catch
        {
            _slots?.Release();
            throw;
        }
    }

    public async ValueTask CheckInAsync(MongoConnection connection)
    {
        try
        {
            if (_disposed || !IsReusable(connection))
            {
                await connection.DisposeAsync();
            }
            else
            {
                _idle.Push(connection);
            }
        }
        finally
        {
            _slots?.Release();
        }
    }

    /// <summary>Closes idle connections and marks checked-out ones to be closed when they come back.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        while (_idle.TryPop(out var idle))
        {
            _ = idle.DisposeAsync().AsTask();
        }
    }

    private bool IsReusable(MongoConnection connection) =>
        !connection.IsBroken
        && connection.Generation == Volatile.Read(ref _generation)
        && (maxIdleTime is null || DateTime.UtcNow - connection.LastUsedUtc < maxIdleTime);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var idle))
        {
            await idle.DisposeAsync();
        }
    }
}
