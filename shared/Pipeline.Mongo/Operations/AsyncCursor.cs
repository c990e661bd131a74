using MongoDB.Bson;
using Pipeline.Mongo.Topology;

namespace Pipeline.Mongo.Operations;

/// <summary>
/// A server cursor: the first batch from find/aggregate, then getMore on the same server until the id is 0
/// or the limit is reached; killCursors on early disposal. Holds the implicit session until closed.
/// </summary>
internal sealed class AsyncCursor : IAsyncCursor<BsonDocument>
{
    private readonly OperationExecutor _executor;
    private readonly SelectedServer _server;
    private readonly ServerSession? _session;
    private readonly string _database;
    private readonly string _collection;
    private readonly int? _batchSize;
    private readonly int _limit;
    private readonly BsonValue? _comment;
    private List<BsonDocument>? _pending;
    private long _cursorId;
    private int _returned;
    private bool _closed;
    private bool _sessionReleased;

    public AsyncCursor(OperationExecutor executor, SelectedServer server, ServerSession? session, string database, BsonDocument reply, int? batchSize, int limit, BsonValue? comment)
    {
        _executor = executor;
        _server = server;
        _session = session;
        _database = database;
        _batchSize = batchSize;
        _limit = limit;
        _comment = comment;
        var cursor = reply.GetValue("cursor", new BsonDocument()).AsBsonDocument;
        (_collection, _cursorId, _pending) = (CollectionFromNamespace(cursor), cursor.GetValue("id", 0L).ToInt64(), Batch(cursor, "firstBatch"));
        if (_cursorId == 0)
        {
            ReleaseSession();
        }
    }

    public IEnumerable<BsonDocument> Current { get; private set; } = [];

    public async Task<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_pending is { } batch)
            {
                _pending = null;
                if (_limit > 0 && _returned + batch.Count > _limit)
                {
                    batch = batch.GetRange(0, _limit - _returned);
                }

                _returned += batch.Count;
                if (batch.Count > 0)
                {
                    Current = batch;
                    return true;
                }
            }

            if (_cursorId == 0 || (_limit > 0 && _returned >= _limit))
            {
                await CloseAsync();
                Current = [];
                return false;
            }

            var getMore = new BsonDocument { { "getMore", _cursorId }, { "collection", _collection } };
            var size = _limit > 0 ? Math.Min(_batchSize ?? int.MaxValue, _limit - _returned) : _batchSize;
            if (size is > 0)
            {
                getMore["batchSize"] = size.Value;
            }

            if (_comment is not null)
            {
                getMore["comment"] = _comment;
            }

            BsonDocument reply;
            try
            {
                reply = await _executor.ExecuteOnServerAsync(_server, _database, getMore, _session, cancellationToken);
            }
            catch
            {
                _cursorId = 0; // a failed getMore leaves nothing to kill that we could trust
                await CloseAsync();
                throw;
            }

            var cursor = reply.GetValue("cursor", new BsonDocument()).AsBsonDocument;
            _cursorId = cursor.GetValue("id", 0L).ToInt64();
            _pending = Batch(cursor, "nextBatch");
        }
    }

    private async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_cursorId != 0)
        {
            var id = _cursorId;
            _cursorId = 0;
            try
            {
                var kill = new BsonDocument { { "killCursors", _collection }, { "cursors", new BsonArray { id } } };
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _executor.ExecuteOnServerAsync(_server, _database, kill, _session, timeout.Token);
            }
            catch (Exception ex) when (ex is MongoException or OperationCanceledException)
            {
                // Best effort: the server reaps idle cursors after 10 minutes anyway.
            }
        }

        ReleaseSession();
    }

    private void ReleaseSession()
    {
        if (_session is not null && !_sessionReleased)
        {
            _sessionReleased = true;
            _executor.Sessions.Release(_session, null);
        }
    }

    private static List<BsonDocument> Batch(BsonDocument cursor, string name) =>
        cursor.TryGetValue(name, out var b) && b.IsBsonArray
            ? b.AsBsonArray.Where(x => x.IsBsonDocument).Select(x => x.AsBsonDocument).ToList()
            : [];

    private static string CollectionFromNamespace(BsonDocument cursor)
    {
        var ns = cursor.GetValue("ns", string.Empty).ToString()!;
        var dot = ns.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 ? ns[(dot + 1)..] : ns;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    public void Dispose() => CloseAsync().GetAwaiter().GetResult();
}
