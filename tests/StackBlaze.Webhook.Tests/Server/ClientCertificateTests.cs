using System.Net;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve --client-ca</c>: only a client with a certificate from that CA (the API server) gets an
/// admission answer, over real TLS on a loopback Kestrel; the probes and the metrics port need none.
/// </summary>
public sealed class ClientCertificateTests(ClientCertificateTests.Certificates certificates) : IClassFixture<ClientCertificateTests.Certificates>
{
    public static TheoryData<string> Strangers => ClientCertificates.Strangers;

    [Fact]
    public async Task Client_with_a_certificate_from_the_client_ca_gets_its_review_answered()
    {
        await using var server = await StartAsync();
        using var client = ClientOf(server, certificates.Files.ApiServer);

        var response = await (await client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        response.DecodedPatch().AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Client_without_a_certificate_gets_a_403_and_no_admission_answer()
    {
        await using var server = await StartAsync();

        foreach (var path in new[] { "/mutate", "/validate" })
        {
            var answer = await server.Client.PostAsync(path, Reviews.Load("frontend-pod-create.json"));
            var body = await answer.Content.ReadAsStringAsync();

            answer.StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
            body.Should().StartWith("Forbidden: the webhook answers only clients with a certificate from the CA of --client-ca")
                .And.NotContain("AdmissionReview");
        }
    }

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task Client_with_a_certificate_the_client_ca_did_not_issue_for_clients_now_is_refused_at_the_handshake(string stranger)
    {
        await using var server = await StartAsync();
        using var client = ClientOf(server, certificates.Files.Stranger(stranger));

        var post = () => client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"));

        await post.Should().ThrowAsync<HttpRequestException>(stranger);
    }

    [Fact]
    public async Task Probes_answer_without_a_client_certificate_as_the_kubelet_asks_them()
    {
        await using var server = await StartAsync();

        (await server.Client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_port_asks_no_client_certificate_and_the_webhook_port_still_does()
    {
        await using var server = await StartAsync(metrics: true);
        using var metrics = TrustingHttpClient.Create(server.CaFile, new Uri(server.Urls[^1]));
        using var webhook = TrustingHttpClient.Create(server.CaFile, new Uri(server.Urls[0]));

        (await metrics.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await webhook.PostAsync("/validate", Reviews.Load("frontend-pod-create.json"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("missing.crt", null, "no such file")]
    [InlineData("apiserver.key", null, "no PEM certificate in it")]
    [InlineData("broken.crt", "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n", "not a PEM certificate")]
    public async Task Serve_with_a_client_ca_that_holds_no_certificate_exits_2_with_one_line_before_listening(string file, string? content, string problem)
    {
        using var serving = await TestCertificates.CreateAsync();
        var path = Path.Combine(certificates.Files.Folder, file);
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var result = await ProcessRunner.RunWebhookCommandAsync(["serve", "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", serving.CertFile, "--tls-key", serving.KeyFile, "--client-ca", path]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith($"stackblaze-webhook: --client-ca {path}: {problem}");
        result.Stderr.TrimEnd().Should().NotContain("\n");
        result.Stdout.Should().NotContain("Listening");
    }

    private Task<LoopbackServer> StartAsync(bool metrics = false) => LoopbackServer.StartAsync(options: options => options with
    {
        ClientCaFile = certificates.Files.CaFile,
        MetricsUrl = metrics ? new Uri("https://127.0.0.1:0") : null,
    });

    private static HttpClient ClientOf(LoopbackServer server, X509Certificate2 certificate) =>
        TrustingHttpClient.Create(server.CaFile, server.Url, certificate);

    /// <summary>One set of client certificates for the class: openssl is slow enough to make once.</summary>
    public sealed class Certificates : IAsyncLifetime
    {
        internal ClientCertificates Files { get; private set; } = null!;

        public async Task InitializeAsync() => Files = await ClientCertificates.CreateAsync();

        public Task DisposeAsync()
        {
            Files.Dispose();
            return Task.CompletedTask;
        }
    }
}
