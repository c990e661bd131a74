using System.Net.Sockets;

namespace Pipeline.Hosting;

/// <summary>
/// Asks the broker itself whether it takes connections: sends the AMQP 0-9-1 protocol header and waits for the first
/// byte of its <c>connection.start</c> frame. A TCP connect alone is not enough: a stopped RabbitMQ application behind
/// a port proxy (Docker) still accepts the connection, then resets it.
/// </summary>
internal static class BrokerProbe
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();

    /// <summary>True when the broker at <paramref name="host"/>:<paramref name="port"/> answers within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, deadline.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, deadline.Token);
            var first = new byte[1];
            var read = await stream.ReadAsync(first, deadline.Token);

            // Frame type 1 is a method frame: connection.start, the broker's greeting.
            return read == 1 && first[0] == 1;
        }
        catch (Exception ex) when (ex is SocketException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
