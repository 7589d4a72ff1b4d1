using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>Services changed in the cluster reach /mutate: links follow them as they are added, changed and deleted.</summary>
public sealed class ClusterCatalogSyncServiceTests(CertificatesFixture fixture, ITestOutputHelper output) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Service_added_in_the_cluster_gives_a_pod_linking_it_its_url()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.MutateAsync(LinkAnswers.PodLinking("cart"))).Allowed().Should().BeFalse("there is no cart Service yet");

        cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.MutateAsync(LinkAnswers.PodLinking("cart")), r => r.Allowed(), "the pod linking cart is allowed");

        response.Injected("CART_URL").Should().Be("grpc://cart.internal:7070");
        output.WriteLine($"the new Service reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Port_changed_in_the_cluster_gives_the_pod_the_new_url()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.MutateAsync(LinkAnswers.PodLinking("backend"))).Injected("API_URL").Should().Be("http://backend.internal:3000");

        var backend = ClusterObjects.Load("shop.yaml").Find<k8s.Models.V1Service>("backend");
        backend.Spec.Ports[0].Port = 3100;
        cluster.Put(backend);
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.MutateAsync(LinkAnswers.PodLinking("backend")),
            r => r.Injected("API_URL") != "http://backend.internal:3000",
            "the pod linking backend gets another URL");

        response.Injected("API_URL").Should().Be("http://backend.internal:3100");
        output.WriteLine($"the port change reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Service_deleted_in_the_cluster_makes_the_link_denied_as_unknown()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.MutateAsync(LinkAnswers.PodLinking("backend"))).Allowed().Should().BeTrue();

        cluster.Delete(ClusterObjects.Load("shop.yaml").Find<k8s.Models.V1Service>("backend"));
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.MutateAsync(LinkAnswers.PodLinking("backend")), r => !r.Allowed(), "the pod linking backend is denied");

        response.StatusCode().Should().Be(403);
        response.StatusMessage().Should().Be("stackblaze.io/links: link \"backend\": namespace \"shop\" has no service \"backend\" (it has frontend)");
        output.WriteLine($"the deletion reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }
}
