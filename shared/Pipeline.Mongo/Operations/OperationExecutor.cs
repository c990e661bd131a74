using MongoDB.Bson;
using Pipeline.Mongo.Core;
using Pipeline.Mongo.Topology;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Operations;

/// <summary>
/// Runs commands: server selection, implicit sessions, retryable writes (one retry, same lsid + txnNumber),
/// retryable reads, and marking servers Unknown after state-change or network errors.
/// </summary>
internal sealed partial class OperationExecutor(Cluster cluster, MongoClientSettings settings)
{
    private readonly ServerSessionPool _sessions = new();
    private readonly ClusterClock _clock = new();

    public ServerSessionPool Sessions => _sessions;

    /// <summary>Runs a read (or any non-write command) and returns the reply and the server, for cursors to follow up on.</summary>
    public async Task<(BsonDocument Reply, SelectedServer Server, ServerSession? Session)> ExecuteReadAsync(
        string database, BsonDocument command, bool retryable, CancellationToken cancellationToken)
    {
        var server = await cluster.SelectServerAsync(cancellationToken);
        var session = server.SessionsSupported ? _sessions.Acquire(null) : null;
        try
        {
            try
            {
                var reply = await RunOnServerAsync(server, PrepareRead(database, command, session, server), cancellationToken);
                return (reply, server, session);
            }
            catch (MongoException ex) when (retryable && settings.Url.RetryReads && IsRetryableRead(ex))
            {
                server = await cluster.SelectServerAsync(cancellationToken);
                var reply = await RunOnServerAsync(server, PrepareRead(database, command, session, server), cancellationToken);
                return (reply, server, session);
            }
        }
        catch (MongoConnectionException)
        {
            if (session is not null)
            {
                session.IsDirty = true;
                _sessions.Release(session, null);
            }

            throw;
        }
        catch
        {
            if (session is not null)
            {
                _sessions.Release(session, null);
            }

            throw;
        }
    }

    /// <summary>Runs a command whose reply is complete in itself (no cursor to follow).</summary>
    /// <param name="retryable">Only reads the retryable-reads specification lists may be retried; user commands never are.</param>
    public async Task<BsonDocument> ExecuteCommandAsync(string database, BsonDocument command, bool retryable, CancellationToken cancellationToken)
    {
        var (reply, _, session) = await ExecuteReadAsync(database, command, retryable, cancellationToken);
        if (session is not null)
        {
            _sessions.Release(session, null);
        }

        return reply;
    }

    /// <summary>Runs a follow-up command (getMore, killCursors) on the server that owns the cursor.</summary>
    public Task<BsonDocument> ExecuteOnServerAsync(SelectedServer server, string database, BsonDocument command, ServerSession? session, CancellationToken cancellationToken) =>
        RunOnServerAsync(server, PrepareRead(database, command, session, server), cancellationToken);

    private static CommandMessage PrepareRead(string database, BsonDocument command, ServerSession? session, SelectedServer server)
    {
        var body = new BsonDocument(command);
        if (session is not null)
        {
            body["lsid"] = session.Id;
        }

        // Directly connected to a non-mongos: let the read run even if that member is a secondary.
        if (server.TopologyType == TopologyType.Single && server.Description.Type != ServerType.Mongos)
        {
            body["$readPreference"] = new BsonDocument("mode", "primaryPreferred");
        }

        body["$db"] = database;
        return new CommandMessage(body);
    }

    private async Task<BsonDocument> RunOnServerAsync(SelectedServer server, CommandMessage message, CancellationToken cancellationToken)
    {
        if (_clock.Current is { } clusterTime && server.Description.Type != ServerType.Standalone)
        {
            message.Body["$clusterTime"] = clusterTime;
        }

        var connection = await CheckOutAsync(server, cancellationToken);
        try
        {
            var reply = await connection.RunCommandAsync(message, observe: true, cancellationToken);
            _clock.Advance(reply);
            return reply;
        }
        catch (MongoConnectionException ex)
        {
            cluster.MarkUnknown(server.Address, ex.Message, clearPool: true);
            throw;
        }
        catch (MongoCommandException ex) when (ErrorClassifier.IsStateChange(ex))
        {
            _clock.Advance(ex.Result);
            cluster.MarkUnknown(server.Address, ex.Message, ErrorClassifier.ShouldClearPool(ex));
            throw;
        }
        catch (MongoCommandException ex)
        {
            _clock.Advance(ex.Result);
            throw;
        }
        finally
        {
            await server.Pool.CheckInAsync(connection);
        }
    }

    private async Task<MongoConnection> CheckOutAsync(SelectedServer server, CancellationToken cancellationToken)
    {
        try
        {
            return await server.Pool.CheckOutAsync(cancellationToken);
        }
        catch (MongoConnectionException ex)
        {
            cluster.MarkUnknown(server.Address, ex.Message, clearPool: true);
            throw;
        }
    }

    private static bool IsRetryableRead(MongoException ex) =>
        ex is MongoConnectionException and not MongoProtocolException
        || ex is MongoNotPrimaryException or MongoNodeIsRecoveringException
        || (ex is MongoCommandException c && c.Code is 7 or 6 or 89 or 9001 or 262 or 134);
}
