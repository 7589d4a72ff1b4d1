using k8s.Models;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>A watch that breaks is resumed where it stopped; one whose history is gone lists again.</summary>
public sealed class KindWatchResumeTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Dropped_watch_resumes_without_a_new_list_and_applies_what_changed_meanwhile()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        await Eventually.HoldsAsync(() => cluster.OpenWatches == 4, "every kind is watched");
        var lists = cluster.Resources.ToDictionary(r => r.Kind.Plural, r => r.Lists);

        cluster.GoDown(Outage.Refuse);
        cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));
        cluster.Delete(ClusterObjects.Load("shop.yaml").Find<V1Service>("frontend"));
        cluster.ComeBack();

        await Eventually.ProbeAsync(() => webhook.MutateAsync(LinkAnswers.PodLinking("cart")), r => r.Allowed(), "the Service added while disconnected is linked", TimeSpan.FromSeconds(10));
        (await webhook.MutateAsync(LinkAnswers.PodLinking("frontend"))).Allowed().Should().BeFalse("the Service deleted while disconnected is gone");
        cluster.Resources.ToDictionary(r => r.Kind.Plural, r => r.Lists).Should().Equal(lists);
    }

    [Fact]
    public async Task Dropped_watch_resumes_from_the_last_resource_version_it_saw()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        await Eventually.HoldsAsync(() => cluster.OpenWatches == 4, "every kind is watched");

        var seen = cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));
        await Eventually.ProbeAsync(() => webhook.MutateAsync(LinkAnswers.PodLinking("cart")), r => r.Allowed(), "the new Service is linked");
        var watches = cluster.Services.Watches;
        cluster.DropWatches();
        await Eventually.HoldsAsync(() => cluster.Services.Watches > watches, "the Services watch is opened again", TimeSpan.FromSeconds(10));

        cluster.Services.WatchedFrom.Skip(watches).Should().AllBe(seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(GoneForm.ErrorEvent)]
    [InlineData(GoneForm.HttpStatus)]
    public async Task Expired_history_makes_a_new_list_and_no_deleted_entry_survives(GoneForm gone)
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        cluster.GoneForm = gone;
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        await Eventually.HoldsAsync(() => cluster.OpenWatches == 4, "every kind is watched");
        var lists = cluster.Services.Lists;

        cluster.GoDown(Outage.ServiceUnavailable);
        cluster.Delete(ClusterObjects.Load("shop.yaml").Find<V1Service>("frontend"));
        cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));
        cluster.CompactHistory();
        cluster.ComeBack();

        await Eventually.ProbeAsync(() => webhook.MutateAsync(LinkAnswers.PodLinking("cart")), r => r.Allowed(), "the Service added during the outage is linked", TimeSpan.FromSeconds(10));
        var denied = await webhook.MutateAsync(LinkAnswers.PodLinking("frontend"));
        denied.StatusMessage().Should().Be("stackblaze.io/links: link \"frontend\": namespace \"shop\" has no service \"frontend\" (it has backend, cart)");
        cluster.Services.Lists.Should().BeGreaterThan(lists);
    }
}
