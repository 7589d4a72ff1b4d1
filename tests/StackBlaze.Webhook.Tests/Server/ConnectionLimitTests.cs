using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// What a client may hold open: a bounded number of connections, and none for long without a
/// request. Short limits here so that the tests stay short; the defaults are in ServerLimits.
/// </summary>
public sealed class ConnectionLimitTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    /// <summary>Well past the short limits, and far below the defaults: a cut that takes this long is not the short one.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Connection_past_the_limit_is_closed_while_the_open_ones_are_served()
    {
        const int limit = 4;
        await using var server = await LoopbackServer.StartAsync(options: o => o with { Limits = o.Limits with { MaxConcurrentConnections = limit } });
        var open = new List<RawConnection>();
        for (var i = 0; i < limit; i++)
        {
            var connection = await RawConnection.ConnectAsync(IPAddress.Loopback, server.Port);
            await connection.HandshakeAsync(server.CertFile);
            (await connection.GetAsync("/healthz")).Should().StartWith("HTTP/1.1 200");
            open.Add(connection);
        }

        await using var refused = await RawConnection.ConnectAsync(IPAddress.Loopback, server.Port);
        var handshake = () => refused.HandshakeAsync(server.CertFile);

        await handshake.Should().ThrowAsync<Exception>("the server closes a connection over its limit before any TLS");
        foreach (var connection in open)
        {
            (await connection.GetAsync("/readyz")).Should().StartWith("HTTP/1.1 200");
        }
        await open[0].DisposeAsync();
        (await Eventually.ProbeAsync(
            () => HealthOrRefusedAsync(server.Client), status => status == HttpStatusCode.OK, "a closed connection frees its place")).Result
            .Should().Be(HttpStatusCode.OK);
        foreach (var connection in open.Skip(1))
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connection_that_never_starts_its_tls_handshake_is_cut_after_the_handshake_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(options: o => o with { Limits = o.Limits with { HandshakeTimeout = Short } });
        await using var silent = await RawConnection.ConnectAsync(IPAddress.Loopback, server.Port);

        (await silent.IsClosedByServerWithinAsync(Bound)).Should().BeTrue();
    }

    [Fact]
    public async Task Connection_that_sends_no_request_after_its_handshake_is_cut_after_the_headers_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(options: o => o with { Limits = o.Limits with { RequestHeadersTimeout = Short } });
        await using var silent = await RawConnection.ConnectAsync(IPAddress.Loopback, server.Port);
        await silent.HandshakeAsync(server.CertFile);

        (await silent.IsClosedByServerWithinAsync(Bound)).Should().BeTrue("the keep-alive timeout (130 s) is for connections that made a request");
    }

    [Fact]
    public async Task Connection_idle_after_a_request_is_kept_until_the_keep_alive_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(options: o => o with
        {
            Limits = o.Limits with { RequestHeadersTimeout = Short, KeepAliveTimeout = TimeSpan.FromSeconds(3) },
        });
        await using var idle = await RawConnection.ConnectAsync(IPAddress.Loopback, server.Port);
        await idle.HandshakeAsync(server.CertFile);
        (await idle.GetAsync("/healthz")).Should().StartWith("HTTP/1.1 200");

        (await idle.IsClosedByServerWithinAsync(TimeSpan.FromSeconds(2))).Should().BeFalse("the first request's deadline is over once it came");
        (await idle.IsClosedByServerWithinAsync(Bound)).Should().BeTrue();
    }

    [Fact]
    public async Task Http2_connection_that_made_a_request_outlives_the_first_request_deadline_and_is_reused()
    {
        await using var server = await LoopbackServer.StartAsync(options: o => o with { Limits = o.Limits with { RequestHeadersTimeout = Short } });
        var connections = 0;
        using var client = Http2Client(server, () => Interlocked.Increment(ref connections));

        var first = await client.GetAsync("/healthz");
        await Task.Delay(Short * 2.5);
        var second = await client.GetAsync("/readyz");

        first.Version.Should().Be(HttpVersion.Version20);
        second.Version.Should().Be(HttpVersion.Version20);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        connections.Should().Be(1, "the API server multiplexes its calls on one HTTP/2 connection, which is not cut between them");
    }

    /// <summary>An HTTP/2-only client (ALPN) that trusts exactly the server's certificate and counts the connections it opens.</summary>
    private static HttpClient Http2Client(LoopbackServer server, Action connected)
    {
        using var pinned = X509CertificateLoader.LoadCertificateFromFile(server.CertFile);
        var hash = pinned.GetCertHashString();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                connected();
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == hash,
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri($"https://localhost:{server.Port}"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The status of /healthz, or null while the server still refuses the connection: its place frees once the close is seen.</summary>
    private static async Task<HttpStatusCode?> HealthOrRefusedAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/healthz")).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
