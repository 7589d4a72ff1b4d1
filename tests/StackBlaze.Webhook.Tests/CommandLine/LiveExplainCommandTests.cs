using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>explain KIND/NAME --kubeconfig</c>: the object and its namespace's catalog read from the fake API server.</summary>
public sealed class LiveExplainCommandTests
{
    [Fact]
    public async Task A_workload_is_explained_from_the_cluster_with_its_namespace_s_mode_of_today()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("live-check.yaml");
        using var folder = new TemporaryFolder();

        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "deployment/report-worker", "-n", "shop", "--kubeconfig", cluster.WriteKubeconfig(folder.Path)],
            environment: ServerProcess.NoCluster(folder.Path));

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Deployment/report-worker in namespace shop (namespace/shop:1)")
            .And.Contain("warning: container worker ORDERS_API: calls https://api.shop.example.com/v1/orders");
    }

    [Fact]
    public async Task Explain_from_a_cluster_without_a_target_is_a_usage_error()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "--kubeconfig", "kubeconfig", "-n", "shop"]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("stackblaze-webhook: explain --kubeconfig needs the object to explain: KIND/NAME");
    }
}
