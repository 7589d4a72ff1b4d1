using System.Diagnostics;
using System.Globalization;
using System.Net;
using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve</c> with a thousand idle connections held open by a hostile client: a new client is
/// still answered, and the server's memory stays bounded. The figures it prints are those of
/// docs/hardening.md ("Connections").
/// </summary>
public sealed class IdleConnectionsTests(ITestOutputHelper output)
{
    /// <summary>TLS connections that made one request and then idle, as long as keep-alive lets them.</summary>
    private const int Idle = 1000;

    /// <summary>Connections that only connect, never starting TLS, opened last: each holds a place until the handshake timeout.</summary>
    private const int OnlyConnected = 200;

    /// <summary>Requests timed per path, before and with the idle connections; the median is reported.</summary>
    private const int Timed = 21;

    private static readonly long MemoryBound = 200L * 1024 * 1024;

    [Fact]
    public async Task A_thousand_idle_tls_connections_leave_readiness_and_mutate_answering_and_memory_under_200_MiB()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var url = await server.WaitForListeningAsync();
        var (readyBefore, mutateBefore) = await TimeRequestsAsync(certificates, url);
        var rssBefore = server.ResidentBytes;

        var held = new List<RawConnection>();
        try
        {
            held.AddRange(await OpenAsync(Idle, async connection =>
            {
                await connection.HandshakeAsync(certificates.CertFile);
                (await connection.GetAsync("/healthz")).Should().StartWith("HTTP/1.1 200");
            }, url.Port));
            held.AddRange(await OpenAsync(OnlyConnected, _ => Task.CompletedTask, url.Port));
            var (readyWith, mutateWith) = await TimeRequestsAsync(certificates, url);
            var rssWith = server.ResidentBytes;
            foreach (var connection in held.Take(10))
            {
                (await connection.GetAsync("/readyz")).Should().StartWith("HTTP/1.1 200", "the idle connections were kept, not dropped");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median /readyz {readyBefore:F2} ms and /mutate {mutateBefore:F2} ms without idle connections; "
                + $"{readyWith:F2} ms and {mutateWith:F2} ms with {Idle} idle TLS connections and {OnlyConnected} TCP-only ones open; "
                + $"RSS {rssBefore / 1048576.0:F0} MiB without, {rssWith / 1048576.0:F0} MiB with"));
            rssWith.Should().BeLessThan(MemoryBound);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A new client each time, as a new API server would be: the median of <see cref="Timed"/> requests per path, in ms.</summary>
    private static async Task<(double Ready, double Mutate)> TimeRequestsAsync(TestCertificates certificates, Uri url)
    {
        using var client = certificates.CreateTrustingClient(url);
        client.Timeout = TimeSpan.FromSeconds(10);
        var review = Reviews.Load("frontend-pod-create.json");
        var ready = new List<double>();
        var mutate = new List<double>();
        for (var i = 0; i < Timed; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
            ready.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            (await client.PostAsync("/mutate", review)).StatusCode.Should().Be(HttpStatusCode.OK);
            mutate.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (ready.Order().ElementAt(Timed / 2), mutate.Order().ElementAt(Timed / 2));
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
