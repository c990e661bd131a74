using System.Runtime.ExceptionServices;
using MongoDB.Bson;
using Pipeline.Mongo.Core;
using Pipeline.Mongo.Topology;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Operations;

internal sealed partial class OperationExecutor
{
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

    /// <summary>Re-raises the first attempt's error with its original stack trace.</summary>
    private static Exception Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Capture(exception).Throw();
        return exception;
    }

    private static bool IsRetryableWrite(MongoException ex) =>
        ex is MongoConnectionException and not MongoProtocolException || ex.HasErrorLabel(ErrorClassifier.RetryableWriteErrorLabel);
}
