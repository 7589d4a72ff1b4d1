using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>ConfigMap data is held for project namespaces only, including those that become projects later.</summary>
public sealed class ClusterCatalogSyncProjectTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Namespace_labelled_as_a_project_after_the_first_sync_gets_its_config_maps_listed()
    {
        await using var cluster = await StartWithLabAsync();
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();

        var before = await webhook.ValidateAsync(WorkerIn("lab"));
        before.Allowed().Should().BeTrue("the ConfigMap of a namespace that is not a project is not held, so nothing reads it");

        cluster.Put(ClusterObjects.Namespace("lab", new Dictionary<string, string> { ["stackblaze.io/project"] = "lab" }));
        var (after, _) = await Eventually.ProbeAsync(() => webhook.ValidateAsync(WorkerIn("lab")), r => !r.Allowed(), "the worker of the new project is denied");

        after.StatusMessage().Should().Contain("ORDERS_API (ConfigMap worker-settings key orders-api): calls https://api.lab.example.com/v1/orders");
        cluster.ConfigMaps.NamespacedLists.Should().BeEmpty("the kind is listed again whole, in the watch's turn");
    }

    [Fact]
    public async Task Config_map_deleted_while_a_new_projects_config_maps_are_listed_does_not_come_back()
    {
        await using var cluster = await StartWithLabAsync();
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();
        var answered = cluster.ConfigMaps.ListsAnswered;
        cluster.ConfigMaps.ListDelay = TimeSpan.FromSeconds(2);

        // The list that picks up the new project's ConfigMaps is read, then delayed; the deletion lands meanwhile.
        var lists = cluster.ConfigMaps.Lists;
        cluster.Put(ClusterObjects.Namespace("lab", new Dictionary<string, string> { ["stackblaze.io/project"] = "lab" }));
        await Eventually.HoldsAsync(() => cluster.ConfigMaps.Lists > lists, "the new project's ConfigMaps are being listed");
        cluster.Delete(ClusterObjects.ConfigMap("lab", "worker-settings", new Dictionary<string, string>()));
        await Eventually.HoldsAsync(() => cluster.ConfigMaps.ListsAnswered > answered, "the slow list is answered", TimeSpan.FromSeconds(10));

        var (after, _) = await Eventually.ProbeAsync(() => webhook.ValidateAsync(WorkerIn("lab")), r => r.Allowed(),
            "the worker is allowed: the ConfigMap that called the public URL is gone", TimeSpan.FromSeconds(10));
        after.Warnings().Should().ContainSingle().Which.Should().Contain("worker-settings");
    }

    /// <summary>The shop cluster, plus a namespace "lab" that is not a project yet, with a Service and the worker's ConfigMap.</summary>
    private static async Task<Support.FakeApiServer.FakeKubernetes> StartWithLabAsync()
    {
        var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        cluster.Put(ClusterObjects.Namespace("lab"));
        cluster.Put(ClusterObjects.Service("lab", "backend", 3000, annotations: new Dictionary<string, string> { ["stackblaze.io/public-url"] = "https://api.lab.example.com" }));
        cluster.Put(ClusterObjects.ConfigMap("lab", "worker-settings", new Dictionary<string, string> { ["orders-api"] = "https://api.lab.example.com/v1/orders" }));
        return cluster;
    }

    private static System.Text.Json.Nodes.JsonObject WorkerIn(string ns)
    {
        var review = Reviews.Load("worker-pod-configmap-create.json");
        review.Request()["namespace"] = ns;
        review.Request()["object"]!["metadata"]!["namespace"] = ns;
        return review;
    }
}
