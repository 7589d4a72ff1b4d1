using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>Ingresses, ConfigMaps and Namespace labels changed in the cluster reach /validate.</summary>
public sealed class ClusterCatalogSyncPolicyTests(CertificatesFixture fixture, ITestOutputHelper output) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Public_host_added_through_an_ingress_is_denied_to_the_project_pods()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.ValidateAsync(WorkerCalling("https://shop.example.com/cart"))).Allowed().Should().BeTrue("no Ingress names that host yet");

        cluster.Put(ClusterObjects.Ingress("shop", "storefront", "shop.example.com", "frontend", "http"));
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.ValidateAsync(WorkerCalling("https://shop.example.com/cart")), r => !r.Allowed(), "the worker is denied");

        response.StatusCode().Should().Be(403);
        response.StatusMessage().Should().Contain("calls https://shop.example.com/cart, the public URL of service \"frontend\"; use http://frontend.internal:80/cart");
        output.WriteLine($"the Ingress reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Namespace_switched_to_warn_mode_allows_the_call_with_a_warning()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.ValidateAsync(WorkerCalling("https://api.shop.example.com/v1"))).Allowed().Should().BeFalse("the project enforces");

        var shop = ClusterObjects.Load("shop.yaml").Find<V1Namespace>("shop");
        shop.Metadata.Labels["stackblaze.io/public-url-policy"] = "warn";
        cluster.Put(shop);
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.ValidateAsync(WorkerCalling("https://api.shop.example.com/v1")), r => r.Allowed(), "the worker is allowed");

        response.Warnings().Should().ContainSingle().Which.Should().Contain("the public URL of service \"backend\"");
        output.WriteLine($"the label change reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ConfigMap_changed_to_a_public_url_gets_the_pod_that_reads_it_denied()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        (await webhook.ValidateAsync(Reviews.Load("worker-pod-configmap-create.json"))).Allowed().Should().BeTrue();

        cluster.Put(ClusterObjects.ConfigMap("shop", "worker-settings", new Dictionary<string, string> { ["orders-api"] = "https://api.shop.example.com/v1/orders" }));
        var (response, elapsed) = await Eventually.ProbeAsync(
            () => webhook.ValidateAsync(Reviews.Load("worker-pod-configmap-create.json")), r => !r.Allowed(), "the worker is denied");

        response.StatusMessage().Should().Contain("ORDERS_API (ConfigMap worker-settings key orders-api): calls https://api.shop.example.com/v1/orders");
        output.WriteLine($"the ConfigMap change reached admission answers after {elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>The worker Deployment of the fixtures with one variable, calling <paramref name="url"/>.</summary>
    private static JsonObject WorkerCalling(string url)
    {
        var review = Reviews.Load("worker-deployment-create.json");
        var env = review.Request()["object"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Clear();
        env.Add(new JsonObject { ["name"] = "TARGET", ["value"] = url });
        return review;
    }
}
