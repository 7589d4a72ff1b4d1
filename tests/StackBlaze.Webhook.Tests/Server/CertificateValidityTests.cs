using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// A serving certificate outside its dates makes every API server call fail, so the replica must
/// not look ready: /readyz says why, /healthz stays 200 (a restart loads the same Secret), and one
/// Error per certificate says which file and which dates.
/// </summary>
public sealed class CertificateValidityTests
{
    private const int NotValid = 33;

    [Fact]
    public async Task Certificate_that_expires_while_served_fails_readiness_with_the_reason_while_health_stays_ok()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        await using var server = await LoopbackServer.StartAsync(time: time);
        var notAfter = NotAfter(server.CertFile);
        (await server.Client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);

        time.Advance(TimeSpan.FromDays(3));
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await server.Client.GetAsync("/readyz"));
        }

        answers.Should().AllSatisfy(a => a.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable));
        (await answers[0].Content.ReadAsStringAsync()).Should().Be($"serving certificate {server.CertFile} expired {notAfter.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        (await server.Client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var error = server.Log.GetSnapshot().Should().ContainSingle(e => e.Id.Id == NotValid, "once per certificate, not per probe").Subject;
        error.Level.Should().Be(LogLevel.Error);
        error.Message.Should().Contain(server.CertFile).And.Contain($"to {notAfter:O}");
    }

    [Fact]
    public async Task Certificate_not_yet_valid_is_logged_at_start_and_fails_readiness()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        await using var server = await LoopbackServer.StartAsync(time: time);
        var error = server.Log.GetSnapshot().Should().ContainSingle(e => e.Id.Id == NotValid, "logged at start, before any probe").Subject;

        var ready = await server.Client.GetAsync("/readyz");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().StartWith($"serving certificate {server.CertFile} is not valid before ");
        error.Message.Should().Contain($"valid from {NotBefore(server.CertFile):O}");
        server.Log.GetSnapshot().Count(e => e.Id.Id == NotValid).Should().Be(1);
    }

    [Fact]
    public async Task Serve_with_a_certificate_that_expired_years_ago_starts_and_is_not_ready_saying_why()
    {
        using var certificates = await TestCertificates.CreateAsync(
            new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        using var client = PinningClient(certificates.CertFile, await server.WaitForListeningAsync());

        var ready = await client.GetAsync("/readyz");
        var health = await client.GetAsync("/healthz");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Be($"serving certificate {certificates.CertFile} expired 2020-01-01T00:00:00Z");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Lines.Where(l => l.Contains("\"EventId\":33,", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain("\"LogLevel\":\"Error\"").And.Contain("2019-01-01T00:00:00").And.Contain("2020-01-01T00:00:00");
    }

    /// <summary>Trusts exactly this certificate, whatever its dates: what is tested is the server's own view of them.</summary>
    private static HttpClient PinningClient(string certFile, Uri url)
    {
        using var pinned = X509CertificateLoader.LoadCertificateFromFile(certFile);
        var hash = pinned.GetCertHashString();
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == hash,
            },
        };
        return new HttpClient(handler) { BaseAddress = url };
    }

    private static DateTime NotAfter(string certFile)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certFile);
        return certificate.NotAfter.ToUniversalTime();
    }

    private static DateTime NotBefore(string certFile)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certFile);
        return certificate.NotBefore.ToUniversalTime();
    }
}
