using System.Globalization;
using System.Text;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>ConfigMaps of 1 MiB from the cluster: the catalog keeps their addresses only, and a large value hides no public URL.</summary>
public sealed class ClusterCatalogSyncConfigMapLimitTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Public_url_after_a_megabyte_of_filler_gets_the_pod_that_reads_it_denied()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();

        var filler = new StringBuilder().Insert(0, "Nothing to see here. ", 1000 * 1024 / 21).ToString();
        cluster.Put(ClusterObjects.ConfigMap("shop", "worker-settings", new Dictionary<string, string> { ["orders-api"] = filler + "https://api.shop.example.com/v1/orders" }));
        var (response, _) = await Eventually.ProbeAsync(
            () => webhook.ValidateAsync(Reviews.Load("worker-pod-configmap-create.json")), r => !r.Allowed(), "the worker is denied");

        response.StatusMessage().Should().Contain("ORDERS_API (ConfigMap worker-settings key orders-api): calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"");
    }

    [Fact]
    public async Task Value_with_more_addresses_than_kept_is_refused_under_enforce_saying_how_many_were_checked()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync();

        var internalUrls = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"http://svc-{i:D5}.internal:8080/")));
        cluster.Put(ClusterObjects.ConfigMap("shop", "worker-settings", new Dictionary<string, string> { ["orders-api"] = internalUrls + " https://api.shop.example.com/v1/orders" }));
        var (response, _) = await Eventually.ProbeAsync(
            () => webhook.ValidateAsync(Reviews.Load("worker-pod-configmap-create.json")), r => !r.Allowed(), "the worker is refused");

        // The public URL stands past what is kept: a value made large must not hide it.
        response.StatusMessage().Should().EndWith(
            "ConfigMap worker-settings key orders-api holds more addresses than the webhook keeps (64, or 8 KiB); only the first 64 were checked");
    }
}
