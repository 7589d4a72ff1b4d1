using System.Net.Sockets;
using System.Text;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// What the webhook port accepts, checked with openssl's own client, which can offer exactly one
/// protocol or cipher: TLS 1.2 with ECDHE and AEAD ciphers, and TLS 1.3; nothing older, weaker or plain.
/// </summary>
/// <remarks>
/// OpenSSL 3 still offers TLS 1.1 from <c>s_client -tls1_1</c> (with <c>@SECLEVEL=0</c>), so the
/// refusal is the server's: it answers the hello with a protocol_version alert, which is asserted.
/// </remarks>
public sealed class TlsPolicyTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256")]
    [InlineData("-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-ECDSA-CHACHA20-POLY1305")]
    [InlineData("-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384")]
    public async Task Strong_protocol_and_cipher_are_accepted(string protocol, string option, string cipher, string negotiated)
    {
        var result = await SClientAsync(protocol, option, cipher);

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.Stdout.Should().Contain($"Cipher is {negotiated}");
        result.Stdout.Should().Contain("Verify return code: 0 (ok)");
    }

    [Theory]
    [InlineData("ECDHE-ECDSA-AES128-SHA")]
    [InlineData("ECDHE-ECDSA-AES256-SHA384")]
    [InlineData("ECDHE-ECDSA-AES128-SHA256")]
    public async Task Tls12_cbc_cipher_is_refused_by_the_server(string cipher)
    {
        var result = await SClientAsync("-tls1_2", "-cipher", cipher);

        result.ExitCode.Should().NotBe(0);
        (result.Stdout + result.Stderr).Should().Contain("alert handshake failure", "the server, not the client, refuses the cipher");
    }

    [Fact]
    public async Task Tls11_client_is_refused_with_a_protocol_version_alert()
    {
        var result = await SClientAsync("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");

        result.ExitCode.Should().NotBe(0);
        (result.Stdout + result.Stderr).Should().Contain("alert protocol version");
    }

    [Fact]
    public async Task Plain_http_on_the_webhook_port_gets_no_http_answer()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));

        var answer = await ReadUntilClosedAsync(stream);

        Encoding.ASCII.GetString(answer).Should().NotContain("HTTP/1.1", "Kestrel only speaks TLS here and closes the connection");
        (await _server.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Http_client_with_an_http_url_fails_to_get_any_response()
    {
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}") };

        var get = () => plain.GetAsync("/healthz");

        await get.Should().ThrowAsync<HttpRequestException>();
    }

    private Task<ProcessRunner.Result> SClientAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("openssl",
            ["s_client", "-connect", $"127.0.0.1:{_server.Port}", "-servername", "localhost", "-CAfile", _server.CaFile, .. arguments],
            stdin: "");

    private static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset is as much a refusal as a close.
        }
        return buffer.ToArray();
    }
}
