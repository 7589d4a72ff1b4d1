using System.Globalization;
using System.Net;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>
/// The first list of a big cluster fits in the heap the Deployment gives: pages are cut down to the
/// catalog's entries as they are read, and ConfigMaps outside projects are never held.
/// </summary>
public sealed class ClusterCatalogSyncMemoryTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private const int Namespaces = 10_000;
    private const int ServicesPerNamespace = 10;
    private const int BigConfigMaps = 250;

    [Fact]
    public async Task Hundred_thousand_services_and_250_config_maps_of_a_mib_are_listed_under_the_shipped_heap_limit()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        cluster.Generate(Namespaces, i => ClusterObjects.Namespace(NamespaceName(i), new Dictionary<string, string> { ["stackblaze.io/project"] = NamespaceName(i) }));
        cluster.Generate(Namespaces * ServicesPerNamespace, i => ClusterObjects.Service(NamespaceName(i / ServicesPerNamespace), $"svc-{i % ServicesPerNamespace}", 8000));
        // In a namespace that is not a project: nothing of them is kept, but the list still brings them.
        var filler = new string('x', 1024 * 1024 - 64);
        cluster.Generate(BigConfigMaps, i => ClusterObjects.ConfigMap("bulk", $"blob-{i}", new Dictionary<string, string> { ["blob"] = filler }));
        using var folder = new TemporaryFolder();
        var environment = ServerProcess.NoCluster(folder.Path);
        environment["DOTNET_GCHeapHardLimit"] = "0x" + HostileTenantServer.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);

        await using var server = ServerProcess.Start(
            environment,
            "--kubeconfig", cluster.WriteKubeconfig(folder.Path), "--urls", "https://127.0.0.1:0",
            "--tls-cert", fixture.Certificates.CertFile, "--tls-key", fixture.Certificates.KeyFile);
        using var client = fixture.Certificates.CreateTrustingClient(await server.WaitForListeningAsync());

        await Eventually.ProbeAsync(async () => (await client.GetAsync("/readyz")).StatusCode, status => status == HttpStatusCode.OK,
            "/readyz answers 200 with every kind listed", TimeSpan.FromSeconds(120));
        server.HasExited.Should().BeFalse();
        server.Lines.Should().NotContain(line => line.Contains("OutOfMemory", StringComparison.Ordinal));
        var answer = await (await client.PostAsync("/mutate", LinkAnswers.PodLinking("svc-9", NamespaceName(Namespaces - 1)))).ReadResponseAsync();
        answer.Injected("SVC_9_URL").Should().Be("http://svc-9.internal:8000");
    }

    private static string NamespaceName(int index) => $"ns-{index:D5}";
}
