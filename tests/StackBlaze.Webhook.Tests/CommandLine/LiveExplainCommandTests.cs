using System.Text.Json.Nodes;
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
    public async Task Running_pods_made_before_a_services_port_changed_are_reported_stale_and_only_those_its_selector_takes()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("stale-pods.yaml");
        using var folder = new TemporaryFolder();

        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "deployment/frontend", "-n", "shop", "--kubeconfig", cluster.WriteKubeconfig(folder.Path)],
            environment: ServerProcess.NoCluster(folder.Path));

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("    BACKEND_URL=http://backend.internal:3000 (link backend)")
            .And.Contain("  stale pods (")
            .And.Contain("    pod frontend-old container web BACKEND_URL: has http://backend.internal:8080, would get http://backend.internal:3000")
            .And.NotContain("frontend-new").And.NotContain("debug");
    }

    [Fact]
    public async Task Stale_pods_are_in_the_json_and_an_empty_list_says_every_running_pod_is_current()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("stale-pods.yaml");
        using var folder = new TemporaryFolder();
        var kubeconfig = cluster.WriteKubeconfig(folder.Path);

        var deployment = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "deployment/frontend", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json"], environment: ServerProcess.NoCluster(folder.Path));
        var current = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "pod/frontend-new", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json"], environment: ServerProcess.NoCluster(folder.Path));

        deployment.ExitCode.Should().Be(0, deployment.Stderr);
        var stale = JsonNode.Parse(deployment.Stdout)!["objects"]![0]!["stalePods"]!.AsArray().Should().ContainSingle().Subject!;
        stale["name"]!.GetValue<string>().Should().Be("frontend-old");
        stale["variables"]!.ToJsonString().Should().Be(
            """[{"container":"web","name":"BACKEND_URL","has":"http://backend.internal:8080","wouldGet":"http://backend.internal:3000"}]""");
        current.ExitCode.Should().Be(0, current.Stderr);
        JsonNode.Parse(current.Stdout)!["objects"]![0]!["stalePods"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_running_pod_without_its_link_labels_is_named_for_the_link_policies_refuse_its_calls()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("stale-pods.yaml");
        using var folder = new TemporaryFolder();
        var kubeconfig = cluster.WriteKubeconfig(folder.Path);

        var text = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "pod/debug", "-n", "shop", "--kubeconfig", kubeconfig], environment: ServerProcess.NoCluster(folder.Path));
        var json = await ProcessRunner.RunWebhookCommandAsync(
            ["explain", "pod/debug", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json"], environment: ServerProcess.NoCluster(folder.Path));

        text.ExitCode.Should().Be(0, text.Stderr);
        text.Stdout.Should().Contain("  labels: links.stackblaze.io/backend=true (what link policies admit its pods by)")
            .And.Contain("    pod debug lacks the label links.stackblaze.io/backend=true: where link policies are on, its calls to that Service are refused");
        var explained = JsonNode.Parse(json.Stdout)!["objects"]![0]!;
        explained["labels"]!.ToJsonString().Should().Be("""["links.stackblaze.io/backend"]""");
        explained["stalePods"]![0]!["missingLabels"]!.ToJsonString().Should().Be("""["links.stackblaze.io/backend"]""");
    }

    [Fact]
    public async Task Explain_from_a_cluster_without_a_target_is_a_usage_error()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "--kubeconfig", "kubeconfig", "-n", "shop"]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("stackblaze-webhook: explain --kubeconfig needs the object to explain: KIND/NAME");
    }
}
