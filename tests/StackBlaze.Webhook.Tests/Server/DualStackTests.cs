using System.Net;
using StackBlaze.Webhook.Server;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>The default address reaches the server over IPv6 and IPv4 alike, as pods of dual-stack clusters do.</summary>
public sealed class DualStackTests
{
    [Fact]
    public async Task Default_address_answers_on_ipv6_and_ipv4_loopback_or_on_ipv4_where_there_is_no_ipv6()
    {
        var anyPort = new UriBuilder(ServeOptions.DefaultUrl) { Port = 0 }.Uri;
        await using var server = await LoopbackServer.StartAsync(options: o => o with { Url = anyPort });

        (await HealthOverAsync(server, IPAddress.Loopback)).Should().StartWith("HTTP/1.1 200");
        if (HasIpv6Loopback())
        {
            server.Url.Host.Should().Be("[::]", "one dual-mode socket takes both families");
            (await HealthOverAsync(server, IPAddress.IPv6Loopback)).Should().StartWith("HTTP/1.1 200");
        }
        else
        {
            server.Url.Host.Should().BeOneOf("[::]", "0.0.0.0");
        }
    }

    private static async Task<string> HealthOverAsync(LoopbackServer server, IPAddress address)
    {
        await using var connection = await RawConnection.ConnectAsync(address, server.Port);
        await connection.HandshakeAsync(server.CertFile);
        return await connection.GetAsync("/healthz");
    }

    /// <summary>The kernel lists ::1 on lo when IPv6 is on; containers often run with it off.</summary>
    private static bool HasIpv6Loopback() =>
        File.Exists("/proc/net/if_inet6")
        && File.ReadLines("/proc/net/if_inet6").Any(line => line.StartsWith("00000000000000000000000000000001", StringComparison.Ordinal));
}
