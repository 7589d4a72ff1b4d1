using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook serve</c> without <c>--catalog</c>, as a process: it finds a cluster or says how to give one.</summary>
public sealed class ServeClusterCommandTests
{
    [Fact]
    public async Task Serve_without_a_catalog_or_any_cluster_exits_2_with_one_line_naming_the_options()
    {
        using var empty = new TemporaryFolder();

        var result = await ProcessRunner.RunWebhookCommandAsync(["serve", "--urls", "https://127.0.0.1:0"], environment: ServerProcess.NoCluster(empty.Path));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be(
            "stackblaze-webhook: no cluster to watch and no --catalog: give --kubeconfig FILE, run in a cluster with a service account, "
            + "or set KUBECONFIG (or ~/.kube/config)\n");
    }

    [Fact]
    public async Task Serve_with_a_kubeconfig_follows_that_cluster_and_becomes_ready()
    {
        using var empty = new TemporaryFolder();
        using var certificates = await TestCertificates.CreateAsync();
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");

        await using var server = await ServerProcess.StartFollowingAsync(WebhookProgram.Built, cluster, certificates, empty.Path);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());

        var response = await (await client.PostAsync("/mutate", LinkAnswers.PodLinking("backend"))).ReadResponseAsync();
        response.Injected("API_URL").Should().Be("http://backend.internal:3000");
        server.Lines.Should().Contain(line => line.Contains($"Catalog from the cluster at {cluster.Address.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal));
    }
}
