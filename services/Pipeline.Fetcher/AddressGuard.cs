using System.Net;
using System.Net.Sockets;

namespace Pipeline.Fetcher;

/// <summary>
/// Keeps the crawler off loopback, private, link-local and cloud metadata addresses (SSRF), checked on the resolved
/// addresses of every connection, so a redirect or a DNS answer cannot lead it inside.
/// </summary>
public sealed class AddressGuard(bool allowPrivateNetworks)
{
    public bool AllowPrivateNetworks => allowPrivateNetworks;

    /// <summary>True for addresses a crawler on the public web must never reach.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,                          // "this" network, private, loopback
                100 => b[1] is >= 64 and <= 127,                // carrier-grade NAT (and Alibaba's metadata 100.100.100.200)
                169 => b[1] == 254,                             // link-local, incl. 169.254.169.254 metadata
                172 => b[1] is >= 16 and <= 31,                 // private
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99), // private, IETF, TEST-NET-1, 6to4 relay
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100), // benchmarking, TEST-NET-2
                203 => b[1] == 0 && b[2] == 113,                // TEST-NET-3
                168 => b[1] == 63 && b[2] == 129 && b[3] == 16, // Azure's wire server
                >= 224 => true,                                 // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return true;
            }

            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);

            // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address: judge that one.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
            {
                return IsNonPublic(new IPAddress(b[12..16]));
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsNonPublic(new IPAddress(b[2..6]));
            }

            return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8; // documentation
        }

        return true;
    }

    /// <summary>Null when the address may be reached; otherwise why not.</summary>
    public string? Check(IPAddress address) =>
        allowPrivateNetworks || !IsNonPublic(address)
            ? null
            : $"{address}, a loopback, private, link-local or metadata address; set Crawler:AllowPrivateNetworks=true to allow it";

    /// <summary>Resolves the host and checks every address it has. Null when the host may be reached; otherwise why not.</summary>
    public async Task<string?> CheckHostAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (SocketException ex)
        {
            return $"host '{host}' does not resolve ({ex.SocketErrorCode})";
        }

        if (addresses.Length == 0)
        {
            return $"host '{host}' does not resolve";
        }

        foreach (var address in addresses)
        {
            if (Check(address) is { } error)
            {
                return $"host '{host}' resolves to {error}";
            }
        }

        return null;
    }

    /// <summary>
    /// The HttpClient connect callback: resolves, checks every address, then connects to a checked one, so the
    /// address judged is the address used (no second lookup an attacker's DNS could answer differently).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"host '{host}' does not resolve");
        }

        foreach (var address in addresses)
        {
            if (Check(address) is { } error)
            {
                throw new BlockedAddressException($"host '{host}' resolves to {error}");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }

        return await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
