using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Pipeline.Storage;

/// <summary>Tells a store that cannot be reached right now from a document it cannot take.</summary>
public static class StoreFaults
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL: the database is there but not usable now.
    private static readonly int[] UnavailableSqliteCodes = [5, 6, 10, 13, 14];

    // By name, so the classification holds for our own MongoDB client and for MongoDB.Driver alike (same type names).
    private static readonly string[] UnavailableMongoTypes =
    [
        "MongoConnectionException", "MongoNotPrimaryException", "MongoNodeIsRecoveringException",
        "MongoExecutionTimeoutException", "MongoWaitQueueFullException", "MongoTimeoutException",
    ];

    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the store is unreachable, locked or busy:
    /// waiting and trying again will do, and the message must not be given up on.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or SocketException or IOException
                || (e is SqliteException sqlite && UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode))
                || IsNamed(e.GetType()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamed(Type? type)
    {
        for (; type is not null && type != typeof(Exception); type = type.BaseType)
        {
            if (UnavailableMongoTypes.Contains(type.Name, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
