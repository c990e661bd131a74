using System.Runtime.CompilerServices;

namespace Pipeline.Mongo;

public static class AsyncCursorExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncCursor<T> cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using (cursor)
        {
            var list = new List<T>();
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                list.AddRange(cursor.Current);
            }

            return list;
        }
    }

    public static async Task<List<T>> ToListAsync<T>(this Task<IAsyncCursor<T>> cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return await (await cursor).ToListAsync(cancellationToken);
    }

    public static async IAsyncEnumerable<T> ToAsyncEnumerable<T>(this IAsyncCursor<T> cursor, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using (cursor)
        {
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                foreach (var item in cursor.Current)
                {
                    yield return item;
                }
            }
        }
    }
}
