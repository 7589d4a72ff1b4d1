using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>
/// The catalog stays fresh when the API server misbehaves: a silent watch is replaced, a storm of
/// 410s is met with backoff, and continue tokens that expire do not keep the first list from ending.
/// </summary>
public sealed class KindWatchFreshnessTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private static readonly WatchTimings Quick = new(TimeSpan.FromSeconds(2));

    [Fact]
    public async Task Watch_that_stays_connected_and_sends_nothing_is_replaced_and_the_catalog_catches_up()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var log = new FakeLogCollector();
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates, Quick, log);
        await webhook.WaitUntilReadyAsync();
        await Eventually.HoldsAsync(() => cluster.OpenWatches == 4, "every kind is watched");
        var watches = cluster.Services.Watches;

        cluster.Services.SilenceNextWatches(1);
        cluster.DropWatches();
        await Eventually.HoldsAsync(() => cluster.Services.Watches > watches, "the Services watch is opened again, silent");
        cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));

        await Eventually.ProbeAsync(() => webhook.MutateAsync(LinkAnswers.PodLinking("cart")), r => r.Allowed(),
            "the Service added while its watch was silent is linked", TimeSpan.FromSeconds(20));
        log.GetSnapshot().Should().Contain(e => e.Id.Id == 45 && e.Message == "Watch of Services sent nothing for 2 s, not even a bookmark: replaced");
        (await MetricsScrape.TakeAsync(webhook.Client))[Restarts("silent")].Should().Be(1);
    }

    [Fact]
    public async Task Watches_answered_410_again_and_again_relist_with_backoff_and_say_how_often()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var log = new FakeLogCollector();
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates, log: log);
        await webhook.WaitUntilReadyAsync();
        var lists = cluster.Services.Lists;

        cluster.Services.AlwaysGone = true;
        cluster.DropWatches();
        await Task.Delay(TimeSpan.FromSeconds(5));

        // Backoff from 0.2 s, doubling, with jitter: about six rounds in 5 s; without it, a round per round trip.
        (cluster.Services.Lists - lists).Should().BeInRange(1, 10);
        log.GetSnapshot().Should().Contain(e => e.Id.Id == 42 && e.Message.Contains("Services failed (3 in a row)", StringComparison.Ordinal));
        (await MetricsScrape.TakeAsync(webhook.Client))[Restarts("gone")].Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Continue_token_that_expires_between_pages_gives_way_to_one_whole_list()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        cluster.Put(ClusterObjects.Namespace("shop", new Dictionary<string, string> { ["stackblaze.io/project"] = "shop" }));
        cluster.Generate(1200, i => ClusterObjects.Service("shop", $"svc-{i}", 8000));
        cluster.Services.ContinueTokensExpire = true;

        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        cluster.Services.ListLimits.Should().Equal("500", "500", "");
        (await webhook.MutateAsync(LinkAnswers.PodLinking("svc-1199"))).Injected("SVC_1199_URL").Should().Be("http://svc-1199.internal:8000");
        (await MetricsScrape.TakeAsync(webhook.Client))[Restarts("continue_expired")].Should().Be(1);
    }

    private static string Restarts(string reason) => $"stackblaze_webhook_catalog_watch_restarts_total{{kind=\"services\",reason=\"{reason}\"}}";
}
