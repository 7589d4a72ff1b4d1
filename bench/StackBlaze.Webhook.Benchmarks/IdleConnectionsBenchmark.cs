using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// docs/hardening.md's connections figures: a new client times 21 <c>GET /readyz</c> and 21
/// <c>POST /mutate</c> on the native bench server; a hostile client then opens 1,000 TLS connections
/// that each make one request and idle, and 200 that only connect; a second new client times the
/// same requests with all of them open. Medians, and resident memory without and with them.
/// <c>IdleConnectionsTests</c> checks the same connections for answers only.
/// </summary>
internal static class IdleConnectionsBenchmark
{
    private const int Idle = 1000;
    private const int OnlyConnected = 200;
    private const int Timed = 21;

    public static async Task<int> RunAsync(string repository)
    {
        await using var server = await ServerProcess.StartAsync(
            await PublishedServer.NativeBenchServerAsync(repository), Path.Combine(repository, "deploy", "examples", "shop"));
        var review = Encoding.UTF8.GetBytes(BenchReviews.Load(repository, "frontend-pod-create.json"));
        var (readyWithout, mutateWithout) = await TimeRequestsAsync(server, review);
        var residentWithout = server.ResidentMegabytes();

        var held = new List<IDisposable>();
        try
        {
            using var gate = new SemaphoreSlim(8);
            held.AddRange(await Task.WhenAll(Enumerable.Range(0, Idle).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    return await IdleTlsAsync(server);
                }
                finally
                {
                    gate.Release();
                }
            })));
            for (var i = 0; i < OnlyConnected; i++)
            {
                var tcp = new TcpClient(AddressFamily.InterNetwork);
                held.Add(tcp);
                await tcp.ConnectAsync(IPAddress.Loopback, server.Url.Port);
            }
            var (readyWith, mutateWith) = await TimeRequestsAsync(server, review);
            var residentWith = server.ResidentMegabytes();

            Console.WriteLine($"native server, {Environment.ProcessorCount} CPUs");
            Console.WriteLine();
            Console.WriteLine($"| figure | without | with {Idle:N0} idle TLS + {OnlyConnected} TCP-only connections |");
            Console.WriteLine("| --- | --- | --- |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median `/readyz` | {readyWithout:F2} ms | {readyWith:F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median `/mutate` | {mutateWithout:F2} ms | {mutateWith:F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| resident memory | {residentWithout:F0} MB | {residentWith:F0} MB |"));
            return 0;
        }
        finally
        {
            held.ForEach(connection => connection.Dispose());
        }
    }

    /// <summary>A new client each time, as a new API server would be: the median of <see cref="Timed"/> requests per path, in ms.</summary>
    private static async Task<(double Ready, double Mutate)> TimeRequestsAsync(ServerProcess server, byte[] review)
    {
        using var client = TrustingClient.Create(server.CaFile);
        client.BaseAddress = server.Url;
        var ready = new List<double>();
        var mutate = new List<double>();
        for (var i = 0; i < Timed; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await client.GetAsync("/readyz")).EnsureSuccessStatusCode();
            ready.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            using var request = BenchReviews.Post("/mutate", review);
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            mutate.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (LoadHarness.Median(ready), LoadHarness.Median(mutate));
    }

    /// <summary>A TLS connection that makes one request, reads its answer's head, and is then left open.</summary>
    private static async Task<SslStream> IdleTlsAsync(ServerProcess server)
    {
        var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, server.Url.Port);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && TrustingClient.TrustedBy(server.CaFile, certificate),
        });
        await tls.WriteAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray());
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer);
            if (read == 0)
            {
                throw new InvalidOperationException("the server closed an idle connection before answering");
            }
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return tls;
    }
}
