using System.Net;
using Pipeline.Fetcher;

namespace Pipeline.Crawling.Tests;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fc00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:0001::")]
    public void Refuses_loopback_private_link_local_and_metadata_addresses(string address) =>
        Assert.True(AddressGuard.IsNonPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Allows_public_addresses(string address) =>
        Assert.False(AddressGuard.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Checks_the_resolved_addresses_of_a_host_unless_private_networks_are_allowed()
    {
        var error = await new AddressGuard(false).CheckHostAsync("localhost", CancellationToken.None);
        Assert.NotNull(error);
        Assert.Contains("Crawler:AllowPrivateNetworks", error, StringComparison.Ordinal);
        Assert.Null(await new AddressGuard(true).CheckHostAsync("localhost", CancellationToken.None));
    }

    [Fact]
    public async Task Says_when_a_host_does_not_resolve()
    {
        var error = await new AddressGuard(true).CheckHostAsync("no-such-host.invalid", CancellationToken.None);
        Assert.NotNull(error);
        Assert.Contains("does not resolve", error, StringComparison.Ordinal);
    }
}
