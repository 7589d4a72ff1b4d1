using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// One connection made by hand, as a careless or hostile client makes it: TCP alone, a TLS
/// handshake and nothing more, or HTTP/1.1 requests on a connection kept open afterwards.
/// </summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private SslStream? _tls;

    private RawConnection(TcpClient tcp)
    {
        _tcp = tcp;
    }

    public static async Task<RawConnection> ConnectAsync(IPAddress address, int port)
    {
        var tcp = new TcpClient(address.AddressFamily);
        try
        {
            await tcp.ConnectAsync(address, port);
            return new RawConnection(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Completes a TLS handshake that trusts exactly the certificate in <paramref name="certFile"/>.</summary>
    public async Task HandshakeAsync(string certFile)
    {
        using var expected = X509CertificateLoader.LoadCertificateFromFile(certFile);
        var hash = expected.GetCertHashString();
        _tls = new SslStream(_tcp.GetStream());
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            // The test's own server: its exact certificate, whatever its dates, nothing else.
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == hash,
        }, bound.Token);
    }

    /// <summary>A GET over HTTP/1.1, the connection left open; the answer's status line and body.</summary>
    public async Task<string> GetAsync(string path)
    {
        var stream = _tls ?? throw new InvalidOperationException("no handshake yet");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"), bound.Token);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        // The probes' bodies are one short line: whole once the headers are and the body (or the last chunk) has come.
        while (!IsComplete(answer.ToString()))
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                break;
            }
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return answer.ToString();
    }

    /// <summary>Whether the server closes (or resets) the connection within <paramref name="within"/>, reading nothing else.</summary>
    public async Task<bool> IsClosedByServerWithinAsync(TimeSpan within)
    {
        Stream stream = _tls is null ? _tcp.GetStream() : _tls;
        using var bound = new CancellationTokenSource(within);
        var buffer = new byte[256];
        try
        {
            while (await stream.ReadAsync(buffer, bound.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }
        _tcp.Dispose();
    }

    private static bool IsComplete(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var body = answer[(end + 4)..];
        return answer.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)
            ? body.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : body.Length > 0 || answer.Contains("Content-Length: 0", StringComparison.OrdinalIgnoreCase);
    }
}
