using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using MongoDB.Bson;
using Pipeline.Mongo.Topology;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Core;

/// <summary>One socket to one server: sends an OP_MSG and reads its reply. Not thread-safe (one command at a time).</summary>
internal sealed class MongoConnection(
    Stream stream,
    Socket? socket,
    MongoServerAddress address,
    IMongoCommandListener? listener) : IAsyncDisposable
{
    private static int s_lastRequestId;
    private readonly byte[] _header = new byte[4];

    public MongoServerAddress Address => address;

    /// <summary>The server as the handshake described it.</summary>
    public ServerDescription Description { get; set; } = ServerDescription.Unknown(address);

    public int Generation { get; init; }

    /// <summary>How long one command may take on the socket; null waits as long as the server needs.</summary>
    public TimeSpan? SocketTimeout { get; set; }

    public DateTime LastUsedUtc { get; private set; } = DateTime.UtcNow;

    /// <summary>Set after any I/O failure: the stream position is unknown, so the connection must not be reused.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>
    /// Sends a command and returns the reply body. <c>ok: 0</c> becomes a typed <see cref="MongoCommandException"/>;
    /// I/O failures become <see cref="MongoConnectionException"/> and break the connection.
    /// </summary>
    public async Task<BsonDocument> RunCommandAsync(CommandMessage message, bool observe, CancellationToken cancellationToken)
    {
        var requestId = Interlocked.Increment(ref s_lastRequestId);
        var databaseName = message.Body.GetValue("$db", "admin").ToString()!;
        var listen = observe ? listener : null;
        listen?.CommandStarted(new CommandStartedEvent(message.CommandName, databaseName, message.ToMergedDocument(), requestId, address));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await SendAndReceiveAsync(message, requestId, cancellationToken);
            var exception = ErrorClassifier.FromReply(reply, address);
            if (exception is not null)
            {
                listen?.CommandFailed(new CommandFailedEvent(message.CommandName, databaseName, exception, Stopwatch.GetElapsedTime(started), requestId, address));
                throw exception;
            }

            listen?.CommandSucceeded(new CommandSucceededEvent(message.CommandName, databaseName, reply, Stopwatch.GetElapsedTime(started), requestId, address));
            return reply;
        }
        catch (MongoConnectionException ex)
        {
            listen?.CommandFailed(new CommandFailedEvent(message.CommandName, databaseName, ex, Stopwatch.GetElapsedTime(started), requestId, address));
            throw;
        }
    }

    private async Task<BsonDocument> SendAndReceiveAsync(CommandMessage message, int requestId, CancellationToken cancellationToken)
    {
        var bytes = OpMsg.Encode(message, requestId);
        if (bytes.Length > Description.MaxMessageSizeBytes)
        {
            throw new MongoClientException($"The command is {bytes.Length} bytes; the server accepts at most {Description.MaxMessageSizeBytes}.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (SocketTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            await stream.WriteAsync(bytes, timeout.Token);
            await stream.FlushAsync(timeout.Token);
            LastUsedUtc = DateTime.UtcNow;
            if (message.MoreToCome)
            {
                return new BsonDocument("ok", 1);
            }

            await stream.ReadExactlyAsync(_header, timeout.Token);
            var length = BinaryPrimitives.ReadInt32LittleEndian(_header);
            var maxLength = Math.Max(Description.MaxMessageSizeBytes, 48_000_000);
            if (length < OpMsg.HeaderLength + 4 || length > maxLength)
            {
                throw new MongoProtocolException($"The server announced a reply of {length} bytes.") { ServerAddress = address };
            }

            var buffer = new byte[length];
            _header.CopyTo(buffer, 0);
            await stream.ReadExactlyAsync(buffer.AsMemory(4), timeout.Token);
            LastUsedUtc = DateTime.UtcNow;
            var (_, responseTo, reply) = OpMsg.Decode(buffer);
            if (responseTo != requestId)
            {
                throw new MongoProtocolException($"The reply answers request {responseTo}, not {requestId}.") { ServerAddress = address };
            }

            if (reply.MoreToCome)
            {
                throw new MongoProtocolException("The server set moreToCome on a reply this client did not ask to stream.") { ServerAddress = address };
            }

            return reply.ToMergedDocument();
        }
        catch (MongoProtocolException)
        {
            IsBroken = true;
            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            IsBroken = true;
            throw new MongoConnectionException($"Timed out after {SocketTimeout} waiting for {address}.") { ServerAddress = address };
        }
        catch (OperationCanceledException)
        {
            IsBroken = true;
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
            IsBroken = true;
            throw new MongoConnectionException($"Connection to {address} failed: {ex.Message}", ex) { ServerAddress = address };
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await stream.DisposeAsync();
        socket?.Dispose();
    }
}
