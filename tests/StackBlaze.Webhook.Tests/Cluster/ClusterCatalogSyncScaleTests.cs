using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>
/// A big cluster is listed at start, page by page, and every one of its Services can be linked. How
/// long the first list takes is the benchmark's (<c>-- catalog-list</c>, docs/catalog.md).
/// </summary>
public sealed class ClusterCatalogSyncScaleTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private const int Namespaces = 10_000;
    private const int ServicesPerNamespace = 10;

    [Fact]
    public async Task Hundred_thousand_services_in_ten_thousand_namespaces_are_listed_at_start()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        cluster.Generate(Namespaces, i => ClusterObjects.Namespace(NamespaceName(i), new Dictionary<string, string> { ["stackblaze.io/project"] = NamespaceName(i) }));
        cluster.Generate(Namespaces * ServicesPerNamespace, i => ClusterObjects.Service(NamespaceName(i / ServicesPerNamespace), $"svc-{i % ServicesPerNamespace}", 8000 + (i % ServicesPerNamespace)));

        await using var webhook = await ClusterWebhook.StartAsync(cluster, fixture.Certificates);
        await webhook.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        cluster.Services.Lists.Should().Be(200, "the Services are listed in pages of 500");
        cluster.Namespaces.Lists.Should().Be(20);
        (await webhook.MutateAsync(LinkAnswers.PodLinking("svc-9", NamespaceName(Namespaces - 1)))).Injected("SVC_9_URL").Should().Be("http://svc-9.internal:8009");
        (await webhook.MutateAsync(LinkAnswers.PodLinking("svc-0", NamespaceName(0)))).Injected("SVC_0_URL").Should().Be("http://svc-0.internal:8000");
    }

    private static string NamespaceName(int index) => $"ns-{index:D5}";
}
