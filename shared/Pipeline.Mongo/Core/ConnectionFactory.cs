using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using MongoDB.Bson;
using Pipeline.Mongo.Auth;
using Pipeline.Mongo.Topology;
using Pipeline.Mongo.Wire;

namespace Pipeline.Mongo.Core;

/// <summary>Opens a socket (TLS when asked), runs the <c>hello</c> handshake and authenticates.</summary>
internal sealed class ConnectionFactory(MongoClientSettings settings)
{
    private readonly BsonDocument _metadata = ClientMetadata.Build(settings.Url.ApplicationName);

    /// <summary>Opens an application connection: handshake, wire-version check, authentication.</summary>
    public async Task<MongoConnection> OpenAsync(MongoServerAddress address, int generation, CancellationToken cancellationToken)
    {
        var (connection, hello) = await OpenAndHelloAsync(address, generation, authenticate: true, cancellationToken);
        try
        {
            if (WireVersion.CheckCompatibility(address, connection.Description.MinWireVersion, connection.Description.MaxWireVersion) is { } error)
            {
                throw new MongoIncompatibleDriverException(error);
            }

            if (settings.Url.Credential is { } credential)
            {
                await Authenticator.AuthenticateAsync(connection, credential, hello, settings.NonceFactory ?? ScramClient.NewNonce, cancellationToken);
            }

            connection.SocketTimeout = settings.Url.SocketTimeout;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A monitoring check: connect, <c>hello</c>, close. Returns the reply.</summary>
    public async Task<BsonDocument> CheckAsync(MongoServerAddress address, CancellationToken cancellationToken)
    {
        var (connection, hello) = await OpenAndHelloAsync(address, 0, authenticate: false, cancellationToken);
        await connection.DisposeAsync();
        return hello;
    }

    private async Task<(MongoConnection, BsonDocument)> OpenAndHelloAsync(MongoServerAddress address, int generation, bool authenticate, CancellationToken cancellationToken)
    {
        var url = settings.Url;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(url.ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(address.Host, address.Port, connectTimeout.Token);
                    stream = new NetworkStream(socket, ownsSocket: false);
                    if (url.UseTls)
                    {
                        var ssl = new SslStream(stream, leaveInnerStreamOpen: false, ValidateCertificate);
                        stream = ssl;
                        await ssl.AuthenticateAsClientAsync(
                            new SslClientAuthenticationOptions { TargetHost = address.Host, EnabledSslProtocols = SslProtocols.None },
                            connectTimeout.Token);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new MongoConnectionException($"Timed out after {url.ConnectTimeout} connecting to {address}.") { ServerAddress = address };
                }
                catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException)
                {
                    throw new MongoConnectionException($"Could not connect to {address}: {ex.Message}", ex) { ServerAddress = address };
                }
            }

            // The handshake is bounded even without socketTimeoutMS, so a silent peer cannot hang a connect.
            var connection = new MongoConnection(stream, socket, address, settings.CommandListener)
            {
                Generation = generation,
                SocketTimeout = url.SocketTimeout ?? url.ConnectTimeout * 3,
            };
            var hello = new BsonDocument
            {
                { "hello", 1 },
                { "helloOk", true },
                { "client", _metadata },
                { "compression", new BsonArray() },
            };
            if (authenticate && url.Credential is { Mechanism: null, Username: { } user } credential)
            {
                hello["saslSupportedMechs"] = $"{credential.Source}.{user}";
            }

            hello["$db"] = "admin";
            BsonDocument reply;
            try
            {
                reply = await connection.RunCommandAsync(new CommandMessage(hello), observe: false, cancellationToken);
            }
            catch (MongoCommandException ex)
            {
                await connection.DisposeAsync();
                throw new MongoConnectionException($"The handshake with {address} failed: {ex.Message}", ex) { ServerAddress = address };
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            connection.Description = ServerDescription.FromHello(address, reply);

            return (connection, reply);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }

            socket.Dispose();
            throw;
        }
    }

    private bool ValidateCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors)
    {
        if (settings.Url.TlsAllowInvalidCertificates)
        {
            return true;
        }

        if (settings.Url.TlsAllowInvalidHostnames)
        {
            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }

        return errors == SslPolicyErrors.None;
    }
}
