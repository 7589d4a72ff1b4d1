using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StackBlaze.Webhook.Server;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// A client that trickles a request cannot hold a connection: Kestrel cuts it long before the
/// request is complete. The server here has a 1 s header timeout so that the test stays short.
/// </summary>
public sealed class SlowClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Trickle = TimeSpan.FromMilliseconds(100);

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(options: o => o with
    {
        Limits = o.Limits with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) },
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Headers_sent_byte_by_byte_are_cut_off_before_they_are_complete()
    {
        // 600 bytes at one per 100 ms would take a minute.
        var request = Encoding.ASCII.GetBytes($"POST /mutate HTTP/1.1\r\nHost: localhost\r\nX-Slow: {new string('a', 600)}\r\n\r\n");

        var (sent, answer) = await TrickleAsync(request, 0);

        sent.Should().BeLessThan(request.Length, "the server closed the connection mid-headers");
        answer.Should().NotContain("200 OK");
        (await _server.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Body_sent_byte_by_byte_is_cut_off_below_the_minimum_rate()
    {
        var body = new string(' ', 10_000);
        var request = Encoding.ASCII.GetBytes(
            $"POST /mutate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var headerLength = request.Length - body.Length;

        var (sent, _) = await TrickleAsync(request, headerLength);

        sent.Should().BeLessThan(request.Length, $"{ServerLimits.Default.MinBytesPerSecond} bytes/s is the least a body may come at");
        (await _server.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();
    }

    /// <summary>Sends the first bytes at once, then one byte at a time until the server closes; what was sent, and what came back.</summary>
    private async Task<(int Sent, string Answer)> TrickleAsync(byte[] request, int atOnce)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _server.Port);
        await using var tls = new SslStream(tcp.GetStream());
        var expected = X509CertificateLoader.LoadCertificateFromFile(_server.CertFile).GetCertHashString();
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            // The test's own server: its exact certificate, nothing else.
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
        });
        // Bounds the test if the server never cuts the connection; the assertions then fail.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = ReadUntilClosedAsync(tls, bound.Token);
        await tls.WriteAsync(request.AsMemory(0, atOnce), bound.Token);
        var sent = atOnce;
        try
        {
            while (sent < request.Length && !reading.IsCompleted)
            {
                await tls.WriteAsync(request.AsMemory(sent, 1), bound.Token);
                await tls.FlushAsync(bound.Token);
                sent++;
                await Task.Delay(Trickle, bound.Token);
            }
        }
        catch (IOException)
        {
            // Writing to a connection the server closed.
        }
        return (sent, await reading);
    }

    private static async Task<string> ReadUntilClosedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        return answer.ToString();
    }
}
