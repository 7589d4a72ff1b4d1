using System.Net;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve</c> with a thousand idle connections held open by a hostile client: a new client is
/// still answered, and the idle connections are kept, not dropped. What they cost in memory and
/// time per request is the benchmark's (<c>-- idle-connections</c>, docs/hardening.md "Connections").
/// </summary>
public sealed class IdleConnectionsTests
{
    /// <summary>TLS connections that made one request and then idle, as long as keep-alive lets them.</summary>
    private const int Idle = 1000;

    /// <summary>Connections that only connect, never starting TLS, opened last: each holds a place until the handshake timeout.</summary>
    private const int OnlyConnected = 200;

    /// <summary>Requests sent per path by a new client, before and with the idle connections.</summary>
    private const int Requests = 21;

    [Fact]
    public async Task A_thousand_idle_tls_connections_leave_readiness_and_mutate_answering()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var url = await server.WaitForListeningAsync();
        await SendRequestsAsync(certificates, url);

        var held = new List<RawConnection>();
        try
        {
            held.AddRange(await OpenAsync(Idle, async connection =>
            {
                await connection.HandshakeAsync(certificates.CertFile);
                (await connection.GetAsync("/healthz")).Should().StartWith("HTTP/1.1 200");
            }, url.Port));
            held.AddRange(await OpenAsync(OnlyConnected, _ => Task.CompletedTask, url.Port));
            await SendRequestsAsync(certificates, url);
            foreach (var connection in held.Take(10))
            {
                (await connection.GetAsync("/readyz")).Should().StartWith("HTTP/1.1 200", "the idle connections were kept, not dropped");
            }
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A new client, as a new API server would be: <see cref="Requests"/> requests per path, each answered 200.</summary>
    private static async Task SendRequestsAsync(TestCertificates certificates, Uri url)
    {
        using var client = certificates.CreateTrustingClient(url);
        client.Timeout = TimeSpan.FromSeconds(10);
        var review = Reviews.Load("frontend-pod-create.json");
        for (var i = 0; i < Requests; i++)
        {
            (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostAsync("/mutate", review)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>Opens <paramref name="count"/> connections, a few at a time, each then set up by <paramref name="setUp"/>.</summary>
    private static async Task<RawConnection[]> OpenAsync(int count, Func<RawConnection, Task> setUp, int port)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = await RawConnection.ConnectAsync(IPAddress.Loopback, port);
                await setUp(connection);
                return connection;
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
