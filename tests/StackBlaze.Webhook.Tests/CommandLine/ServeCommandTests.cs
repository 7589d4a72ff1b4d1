using System.Net;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook serve</c> started as a process, as an operator starts it.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_with_pem_files_answers_a_client_that_trusts_only_their_ca()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var url = await server.WaitForListeningAsync();

        using var client = certificates.CreateTrustingClient(url);
        var response = await (await client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        response.DecodedPatch().AsArray().Should().HaveCount(7);
        server.Lines.Should().Contain(line => line.Contains("Catalog loaded from deploy/examples/shop: 3 services", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_without_a_certificate_makes_a_development_one_and_logs_a_curl_line_that_works()
    {
        await using var server = ServerProcess.Start("--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0");
        var curl = await server.WaitForLineAsync(CurlPattern());
        var caFile = curl.Groups[1].Value;
        using var client = TrustingHttpClient.Create(caFile, new Uri(curl.Groups[2].Value));
        var health = await client.GetAsync("/healthz");

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        File.Delete(caFile);
    }

    [Fact]
    public async Task Serve_with_an_unreadable_key_exits_2_with_one_line()
    {
        using var certificates = await TestCertificates.CreateAsync();

        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["serve", "--catalog", "deploy/examples/shop", "--tls-cert", certificates.CertFile, "--tls-key", certificates.CaFile]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith($"stackblaze-webhook: cannot load the TLS certificate {certificates.CertFile}");
        result.Stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [GeneratedRegex(@"curl --cacert (\S+) (https://[0-9.]+:[0-9]+)/healthz")]
    private static partial Regex CurlPattern();
}
