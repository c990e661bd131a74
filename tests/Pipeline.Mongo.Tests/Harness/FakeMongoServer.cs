using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Bson;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>What the fake server does with one command.</summary>
internal abstract record FakeReply
{
    public static FakeReply Of(BsonDocument reply, bool withChecksum = false) => new Document(reply, withChecksum);

    public static readonly FakeReply Close = new CloseConnection();

    internal sealed record Document(BsonDocument Reply, bool WithChecksum) : FakeReply;

    internal sealed record CloseConnection : FakeReply;

    /// <summary>Raw bytes (for protocol-error tests); {responseTo} is not patched.</summary>
    internal sealed record Raw(byte[] Bytes) : FakeReply;
}

/// <summary>
/// A MongoDB server impostor on 127.0.0.1: reads OP_MSG requests, records them, and answers with whatever the
/// test's handler returns (a recorded reply, an error, or a closed socket). <c>hello</c> gets <see cref="Hello"/>.
/// </summary>
internal sealed class FakeMongoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly Lock _lock = new();
    private readonly Task _acceptLoop;

    private readonly X509Certificate2? _certificate;

    public FakeMongoServer(Func<BsonDocument, FakeReply?>? handler = null, X509Certificate2? certificate = null)
    {
        _certificate = certificate;
        Handler = handler ?? (_ => null);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Hello = StandardHello(replicaSet: null);
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public Func<BsonDocument, FakeReply?> Handler { get; set; }

    public BsonDocument Hello { get; set; }

    /// <summary>Every command received, with document sequences folded in, in arrival order (hello included).</summary>
    public ConcurrentQueue<BsonDocument> Received { get; } = new();

    public IEnumerable<BsonDocument> ReceivedExceptHandshake =>
        Received.Where(c => c.GetElement(0).Name is not ("hello" or "isMaster" or "ismaster" or "saslStart" or "saslContinue"));

    public int ConnectionsAccepted;

    public static BsonDocument StandardHello(string? replicaSet, bool primary = true, IEnumerable<string>? hosts = null, int maxWireVersion = 25) =>
        new BsonDocument
        {
            { "helloOk", true },
            { "isWritablePrimary", primary },
            { "secondary", replicaSet is not null && !primary },
            { "maxBsonObjectSize", 16 * 1024 * 1024 },
            { "maxMessageSizeBytes", 48_000_000 },
            { "maxWriteBatchSize", 100_000 },
            { "logicalSessionTimeoutMinutes", 30 },
            { "minWireVersion", 0 },
            { "maxWireVersion", maxWireVersion },
            { "ok", 1.0 },
        }.AddRange(replicaSet is null ? [] : new BsonDocument
        {
            { "setName", replicaSet },
            { "setVersion", 1 },
            { "hosts", new BsonArray(hosts ?? []) },
        });

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref ConnectionsAccepted);
            lock (_lock)
            {
                _tasks.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        var header = new byte[4];
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
            }

            while (!_stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                var bytes = new byte[length];
                header.CopyTo(bytes, 0);
                await stream.ReadExactlyAsync(bytes.AsMemory(4), _stop.Token);
                var (requestId, _, message) = OpMsg.Decode(bytes);
                var command = message.ToMergedDocument();
                Received.Enqueue(command);
                var name = command.GetElement(0).Name;
                var reply = Handler(command);
                if (reply is null && name is "hello" or "isMaster" or "ismaster")
                {
                    reply = FakeReply.Of(Hello);
                }

                reply ??= FakeReply.Of(new BsonDocument { { "ok", 0 }, { "errmsg", $"fake server has no reply for {name}" }, { "code", 59 }, { "codeName", "CommandNotFound" } });
                if (message.MoreToCome)
                {
                    continue;
                }

                switch (reply)
                {
                    case FakeReply.CloseConnection:
                        return;
                    case FakeReply.Raw raw:
                        await stream.WriteAsync(raw.Bytes, _stop.Token);
                        break;
                    case FakeReply.Document document:
                        var answer = OpMsg.Encode(new CommandMessage(document.Reply), requestId: requestId + 1_000_000, responseTo: requestId, withChecksum: document.WithChecksum);
                        await stream.WriteAsync(answer, _stop.Token);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or EndOfStreamException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // the client went away (or refused our certificate) or the test is over
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] tasks;
        lock (_lock)
        {
            tasks = [.. _tasks];
        }

        await Task.WhenAll(tasks);
        _stop.Dispose();
    }
}
