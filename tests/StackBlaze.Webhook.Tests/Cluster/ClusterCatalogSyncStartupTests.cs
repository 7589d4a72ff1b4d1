using System.Net;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>Until the first full list of every kind, the webhook is not ready and answers nothing from a half-filled catalog.</summary>
public sealed class ClusterCatalogSyncStartupTests(CertificatesFixture fixture, ITestOutputHelper output) : IClassFixture<CertificatesFixture>
{
    private const string Syncing = "the StackBlaze webhook is still syncing its catalog with the cluster; retry in a moment";

    [Theory]
    [InlineData(Outage.Refuse)]
    [InlineData(Outage.ServiceUnavailable)]
    public async Task Api_server_unreachable_at_start_keeps_it_unready_and_denying_until_it_answers(Outage outage)
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml", downFromTheStart: outage);
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await Eventually.HoldsAsync(() => cluster.Refused >= 3, "the webhook has tried to list");

        (await webhook.ReadinessAsync()).Should().Be(HttpStatusCode.ServiceUnavailable);
        var mutate = await webhook.MutateAsync(LinkAnswers.PodLinking("backend"));
        mutate.Allowed().Should().BeFalse();
        mutate.StatusCode().Should().Be(503);
        mutate.StatusMessage().Should().Be(Syncing);
        var validate = await webhook.ValidateAsync(Reviews.Load("worker-deployment-create.json"));
        validate.StatusCode().Should().Be(503);
        validate.StatusMessage().Should().Be(Syncing);

        cluster.ComeBack();
        var elapsed = await webhook.WaitUntilReadyAsync(TimeSpan.FromSeconds(15));
        (await webhook.MutateAsync(LinkAnswers.PodLinking("backend"))).Injected("API_URL").Should().Be("http://backend.internal:3000");
        output.WriteLine($"ready {elapsed.TotalMilliseconds:0} ms after the API server came back");
    }
}
