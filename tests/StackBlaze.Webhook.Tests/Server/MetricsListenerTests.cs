using System.Net;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve --metrics-urls</c>: the contract a NetworkPolicy relies on. Metrics only on the metrics
/// port, with the same certificate; the webhook paths only on the webhook port.
/// </summary>
public sealed class MetricsListenerTests
{
    [Fact]
    public async Task Metrics_url_serves_only_metrics_and_the_webhook_port_serves_everything_but_metrics()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0", "--metrics-urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var webhookUrl = await server.WaitForListeningAsync();
        var metricsUrl = await server.WaitForMetricsListeningAsync();
        using var webhook = certificates.CreateTrustingClient(webhookUrl);
        using var metrics = certificates.CreateTrustingClient(metricsUrl);

        var mutated = await (await webhook.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();
        var scrape = await MetricsScrape.TakeAsync(metrics);
        var metricsOnWebhookPort = await webhook.GetAsync("/metrics");
        var mutateOnMetricsPort = await metrics.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"));

        metricsUrl.Port.Should().NotBe(webhookUrl.Port);
        mutated.DecodedPatch().AsArray().Should().HaveCount(7);
        scrape[MetricsScrape.Requests("mutate", "CREATE", "patched")].Should().Be(1, "the metrics port reports what the webhook port answered");
        metricsOnWebhookPort.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await metricsOnWebhookPort.Content.ReadAsStringAsync()).Should().NotContain("stackblaze_webhook_");
        mutateOnMetricsPort.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var path in new[] { "/validate", "/healthz", "/readyz" })
        {
            (await metrics.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }
        (await webhook.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
