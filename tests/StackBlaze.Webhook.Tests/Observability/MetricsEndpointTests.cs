using System.Net;
using Microsoft.Extensions.Time.Testing;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.MetricsScrape;

namespace StackBlaze.Webhook.Tests.Observability;

/// <summary>GET /metrics over HTTPS: what Prometheus scrapes, and that every answer is counted.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_prometheus_text_with_every_request_series_at_zero_from_the_start()
    {
        await using var server = await LoopbackServer.StartAsync();

        var answer = await server.Client.GetAsync("/metrics");
        var scrape = await TakeAsync(server.Client);

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain; version=0.0.4");
        foreach (var endpoint in new[] { "mutate", "validate" })
        {
            foreach (var outcome in new[] { "allowed", "patched", "denied", "error" })
            {
                scrape[Requests(endpoint, "CREATE", outcome)].Should().Be(0);
            }
        }
        scrape["stackblaze_webhook_injected_variables_total"].Should().Be(0);
        scrape["stackblaze_webhook_public_url_findings_total{mode=\"warn\"}"].Should().Be(0);
        scrape.Has("process_working_set_bytes").Should().BeTrue();
    }

    [Fact]
    public async Task Latency_histogram_has_the_api_servers_buckets_and_finer_ones_below_5_ms()
    {
        await using var server = await LoopbackServer.StartAsync();
        await server.Client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"));

        var scrape = await TakeAsync(server.Client);

        foreach (var le in new[] { "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.025", "0.1", "0.5", "1", "2.5", "10", "25", "+Inf" })
        {
            scrape.Has($"stackblaze_webhook_admission_duration_seconds_bucket{{endpoint=\"mutate\",le=\"{le}\"}}").Should().BeTrue(le);
        }
        scrape["stackblaze_webhook_admission_duration_seconds_count{endpoint=\"mutate\"}"].Should().Be(1);
        scrape["stackblaze_webhook_admission_duration_seconds_bucket{endpoint=\"mutate\",le=\"+Inf\"}"].Should().Be(1);
    }

    [Fact]
    public async Task Each_answer_is_counted_by_endpoint_operation_and_outcome()
    {
        await using var server = await LoopbackServer.StartAsync();
        var deletion = Reviews.Load("frontend-pod-create.json");
        deletion.Request()["operation"] = "DELETE";

        await server.Client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"));
        await server.Client.PostAsync("/mutate", deletion);
        await server.Client.PostAsync("/mutate", Reviews.Json("{not json"));
        await server.Client.PostAsync("/validate", Reviews.Load("worker-deployment-create.json"));
        var scrape = await TakeAsync(server.Client);

        scrape[Requests("mutate", "CREATE", "patched")].Should().Be(1);
        scrape[Requests("mutate", "DELETE", "allowed")].Should().Be(1);
        scrape[Requests("mutate", "other", "error")].Should().Be(1, "a body that is not a review has no operation and no decision");
        scrape[Requests("validate", "CREATE", "denied")].Should().Be(1);
        scrape["stackblaze_webhook_admission_duration_seconds_count{endpoint=\"mutate\"}"].Should().Be(3);
        scrape["stackblaze_webhook_injected_variables_total"].Should().Be(4, "API_URL, DATABASE_USER, DATABASE_PASSWORD and DATABASE_URL");
        scrape["stackblaze_webhook_public_url_findings_total{mode=\"enforce\"}"].Should().Be(1);
    }

    [Fact]
    public async Task An_operation_nobody_knows_is_counted_as_other_and_never_becomes_a_label()
    {
        await using var server = await LoopbackServer.StartAsync();
        var review = Reviews.Load("frontend-pod-create.json");
        review.Request()["operation"] = "EXPLODE-7f3a";

        await server.Client.PostAsync("/mutate", review);
        var scrape = await TakeAsync(server.Client);

        scrape[Requests("mutate", "other", "allowed")].Should().Be(1);
        scrape.Text.Should().NotContain("EXPLODE");
    }

    [Fact]
    public async Task Certificate_expiry_is_the_time_left_on_the_served_certificate()
    {
        var time = new FakeTimeProvider();
        await using var server = await LoopbackServer.StartAsync(time: time);
        var notAfter = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(server.CertFile).NotAfter.ToUniversalTime();

        var scrape = await TakeAsync(server.Client);

        scrape["stackblaze_webhook_certificate_expiry_seconds"].Should().BeApproximately((notAfter - time.GetUtcNow().UtcDateTime).TotalSeconds, 0.001);
    }
}
