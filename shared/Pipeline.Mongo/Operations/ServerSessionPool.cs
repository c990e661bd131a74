using System.Collections.Concurrent;

namespace Pipeline.Mongo.Operations;

/// <summary>Reuses lsids (most recently used first) and drops ones about to expire on the server.</summary>
internal sealed class ServerSessionPool
{
    private readonly ConcurrentStack<ServerSession> _sessions = new();

    public ServerSession Acquire(int? timeoutMinutes)
    {
        while (_sessions.TryPop(out var session))
        {
            if (!IsAboutToExpire(session, timeoutMinutes))
            {
                return session;
            }
        }

        return new ServerSession();
    }

    public void Release(ServerSession session, int? timeoutMinutes)
    {
        session.LastUsedUtc = DateTime.UtcNow;
        if (!session.IsDirty && !IsAboutToExpire(session, timeoutMinutes))
        {
            _sessions.Push(session);
        }
    }

    private static bool IsAboutToExpire(ServerSession session, int? timeoutMinutes) =>
        timeoutMinutes is { } minutes && DateTime.UtcNow - session.LastUsedUtc > TimeSpan.FromMinutes(minutes - 1);
}
