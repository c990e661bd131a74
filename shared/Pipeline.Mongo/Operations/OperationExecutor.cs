using System.Runtime.ExceptionServices;
using MongoDB.Bson;
using Pipeline.Mongo.Core;
using Pipeline.Mongo.Topology;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Operations;

/// <summary>
/// Runs commands: server selection, implicit sessions, retryable writes (one retry, same lsid + txnNumber),
/// retryable reads, and marking servers Unknown after state-change or network errors.
/// </summary>
internal sealed class OperationExecutor(Cluster cluster, MongoClientSettings settings)
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

    /// <summary>
    /// Runs a write. When <paramref name="retryable"/> and the deployment supports it, the command carries
    /// lsid + txnNumber and is retried once after a network error or a RetryableWriteError label.
    /// </summary>
    public async Task<BsonDocument> ExecuteWriteAsync(
        string database,
        BsonDocument command,
        DocumentSequence? sequence,
        bool retryable,
        bool acknowledged,
        CancellationToken cancellationToken)
    {
        var server = await cluster.SelectServerAsync(cancellationToken);
        var session = acknowledged && server.SessionsSupported ? _sessions.Acquire(null) : null;
        var canRetry = retryable && acknowledged && settings.Url.RetryWrites && session is not null && server.SupportsRetryableWrites;
        long? txnNumber = canRetry ? session!.NextTransactionNumber() : null;
        try
        {
            try
            {
                return await WriteOnceAsync(server, database, command, sequence, session, txnNumber, acknowledged, canRetry, cancellationToken);
            }
            catch (MongoException first) when (canRetry && IsRetryableWrite(first))
            {
                if (first is MongoConnectionException)
                {
                    first.AddErrorLabel(ErrorClassifier.RetryableWriteErrorLabel);
                }

                SelectedServer retryServer;
                try
                {
                    retryServer = await cluster.SelectServerAsync(cancellationToken);
                }
                catch (MongoException)
                {
                    throw Rethrow(first);
                }

                if (!retryServer.SupportsRetryableWrites)
                {
                    throw Rethrow(first);
                }

                try
                {
                    // The second attempt's result is final: a retryable write concern error is now the caller's to see.
                    return await WriteOnceAsync(retryServer, database, command, sequence, session, txnNumber, acknowledged, retryWriteConcernErrors: false, cancellationToken);
                }
                catch (MongoException second)
                {
                    if (second.HasErrorLabel(ErrorClassifier.NoWritesPerformedLabel))
                    {
                        throw Rethrow(first);
                    }

                    if (second is MongoConnectionException)
                    {
                        second.AddErrorLabel(ErrorClassifier.RetryableWriteErrorLabel);
                    }

                    throw;
                }
            }
        }
        catch (MongoConnectionException)
        {
            if (session is not null)
            {
                session.IsDirty = true;
            }

            throw;
        }
        finally
        {
            if (session is not null)
            {
                _sessions.Release(session, null);
            }
        }
    }

    private async Task<BsonDocument> WriteOnceAsync(
        SelectedServer server,
        string database,
        BsonDocument command,
        DocumentSequence? sequence,
        ServerSession? session,
        long? txnNumber,
        bool acknowledged,
        bool retryWriteConcernErrors,
        CancellationToken cancellationToken)
    {
        var body = new BsonDocument(command);
        if (session is not null)
        {
            body["lsid"] = session.Id;
        }

        if (txnNumber is { } n)
        {
            body["txnNumber"] = n;
        }

        body["$db"] = database;
        var message = new CommandMessage(body, sequence is null ? [] : [sequence], MoreToCome: !acknowledged);
        var reply = await RunOnServerAsync(server, message, cancellationToken);
        if (reply.TryGetValue("writeConcernError", out var wce) && wce.IsBsonDocument)
        {
            var error = WriteConcernError.FromBson(wce.AsBsonDocument, reply);
            var exception = new MongoWriteConcernException(error, reply, server.Address);
            if (ErrorClassifier.IsStateChange(exception))
            {
                cluster.MarkUnknown(server.Address, exception.Message, clearPool: false);
            }

            if (retryWriteConcernErrors && exception.HasErrorLabel(ErrorClassifier.RetryableWriteErrorLabel)
                && !(reply.TryGetValue("writeErrors", out var we) && we.IsBsonArray && we.AsBsonArray.Count > 0))
            {
                throw exception;
            }
        }

        return reply;
    }

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

    /// <summary>Re-raises the first attempt's error with its original stack trace.</summary>
    private static Exception Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Capture(exception).Throw();
        return exception;
    }

    private static bool IsRetryableWrite(MongoException ex) =>
        ex is MongoConnectionException and not MongoProtocolException || ex.HasErrorLabel(ErrorClassifier.RetryableWriteErrorLabel);

    private static bool IsRetryableRead(MongoException ex) =>
        ex is MongoConnectionException and not MongoProtocolException
        || ex is MongoNotPrimaryException or MongoNodeIsRecoveringException
        || (ex is MongoCommandException c && c.Code is 7 or 6 or 89 or 9001 or 262 or 134);
}
