using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>
/// <c>check --kubeconfig</c>: a cluster's projects as enforce mode would judge them, read from the
/// fake API server through KubernetesClient, as a team runs it before switching from warn to enforce.
/// </summary>
public sealed class LiveCheckCommandTests
{
    private const string Fixture = "live-check.yaml";

    private static readonly string[] ShopFindings =
    [
        "namespace/shop: ConfigMap/report-worker key BACKEND_HOST: calls api.shop.example.com, the public URL of service \"backend\"; use backend.internal",
        "namespace/shop: Deployment/report-worker container worker ORDERS_API: calls https://api.shop.example.com/v1/orders, "
            + "the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders",
        "namespace/shop: Pod/debug container shell args[1]: calls https://api.shop.example.com/healthz, "
            + "the public URL of service \"backend\"; use http://backend.internal:3000/healthz",
    ];

    [Fact]
    public async Task A_namespace_in_warn_mode_calling_its_public_url_is_reported_as_violations_enforce_would_refuse()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "-n", "shop");

        result.ExitCode.Should().Be(1, result.Stderr);
        // The ReplicaSet and its pod are the Deployment's: checked through it, not reported again.
        Lines(result.Stdout).Should().Equal(ShopFindings);
        result.Stderr.Should().Be(
            "check: 3 objects, 3 violations, 0 warnings\n"
            + "check: as enforce mode would judge 1 projects; not enforcing today: shop (warn)\n");
    }

    [Fact]
    public async Task All_namespaces_reads_only_the_project_namespaces()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "--all-namespaces");

        result.ExitCode.Should().Be(1, result.Stderr);
        Lines(result.Stdout).Should().Equal(
        [
            "namespace/billing: Deployment/invoicer container invoicer LEDGER_URL: calls https://ledger.example.com/entries, "
                + "the public URL of service \"ledger\"; use http://ledger.internal:8080/entries",
            .. ShopFindings,
        ]);
        result.Stderr.Should().EndWith("check: as enforce mode would judge 2 projects; not enforcing today: shop (warn)\n");
        // Selected by the API server: the namespace that is not a project is not even listed.
        cluster.Namespaces.Lists.Should().Be(1);
        cluster.Deployments.NamespacedLists.Should().Equal("billing", "shop");
        cluster.Pods.NamespacedLists.Should().Equal("billing", "shop");
    }

    [Fact]
    public async Task A_project_that_enforces_today_says_so_and_json_names_each_finding_s_namespace()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "-n", "billing", "-o", "json");

        result.ExitCode.Should().Be(1, result.Stderr);
        var finding = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Single()!;
        finding["namespace"]!.GetValue<string>().Should().Be("billing");
        finding["file"]!.GetValue<string>().Should().Be("namespace/billing");
        finding["kind"]!.GetValue<string>().Should().Be("Deployment");
        result.Stderr.Should().EndWith("check: as enforce mode would judge 1 projects; every one enforces today\n");
    }

    [Fact]
    public async Task Host_style_cluster_names_the_services_of_a_live_project_by_their_cluster_names()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "-n", "billing", "--host-style", "cluster");

        result.ExitCode.Should().Be(1, result.Stderr);
        Lines(result.Stdout).Should().Equal(
            "namespace/billing: Deployment/invoicer container invoicer LEDGER_URL: calls https://ledger.example.com/entries, "
                + "the public URL of service \"ledger\"; use http://ledger.billing.svc.cluster.local:8080/entries");
    }

    [Fact]
    public async Task Every_kind_is_listed_a_page_at_a_time_to_its_end()
    {
        const int Pods = 1_200;
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);
        // Generated objects come first in a list: the hand-made debug pod is on the last page.
        cluster.Generate(Pods, i => CleanPod("shop", $"batch-{i:D4}"), _ => "shop");

        var result = await CheckAsync(cluster, "-n", "shop");

        result.ExitCode.Should().Be(1, result.Stderr);
        Lines(result.Stdout).Should().Equal(ShopFindings);
        result.Stderr.Should().StartWith($"check: {Pods + 3} objects, 3 violations");
        cluster.Pods.ListLimits.Should().Equal("500", "500", "500");
        cluster.ConfigMaps.ListLimits.Should().Equal("25");
    }

    [Fact]
    public async Task A_forbidden_list_exits_2_with_the_api_server_s_reason_in_one_line()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);
        cluster.Pods.Forbidden = true;

        var result = await CheckAsync(cluster, "-n", "shop");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be(
            "stackblaze-webhook: list pods in shop: 403 Forbidden: pods is forbidden: User \"tester\" cannot list resource \"pods\" "
            + "in API group \"\" in the namespace \"shop\"\n");
    }

    [Fact]
    public async Task A_namespace_that_is_not_a_project_exits_2_saying_the_webhook_checks_nothing_there()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "-n", "tools");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be(
            "stackblaze-webhook: namespace tools is not a StackBlaze project (it has no stackblaze.io/project label): the webhook checks nothing in it\n");
        cluster.Deployments.Lists.Should().Be(0);
    }

    [Fact]
    public async Task A_namespace_that_does_not_exist_exits_2()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);

        var result = await CheckAsync(cluster, "-n", "shopp");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be("stackblaze-webhook: namespace shopp not found\n");
    }

    [Fact]
    public async Task Without_n_the_kubeconfig_context_s_namespace_is_read()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);
        using var folder = new TemporaryFolder();
        var kubeconfig = File.ReadAllText(cluster.WriteKubeconfig(folder.Path)).Replace("      user: tester\n", "      user: tester\n      namespace: billing\n", StringComparison.Ordinal);

        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "--kubeconfig", folder.Write("kubeconfig", kubeconfig)], environment: ServerProcess.NoCluster(folder.Path));

        result.ExitCode.Should().Be(1, result.Stderr);
        Lines(result.Stdout).Should().ContainSingle().Which.Should().StartWith("namespace/billing: Deployment/invoicer");
    }

    [Fact]
    public async Task An_api_server_that_cannot_be_reached_exits_2_in_one_line()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture, Outage.Refuse);

        var result = await CheckAsync(cluster, "-n", "shop");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("stackblaze-webhook: get namespace shop: cannot reach the API server: ");
        Lines(result.Stderr).Should().ContainSingle();
    }

    [Fact]
    public async Task An_api_server_that_fails_exits_2_with_its_status()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture, Outage.ServiceUnavailable);

        var result = await CheckAsync(cluster, "-A");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be("stackblaze-webhook: list namespaces: 503 ServiceUnavailable: the fake API server is down\n");
    }

    [Fact]
    public async Task More_objects_than_the_files_limit_exit_2_before_they_are_checked()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);
        cluster.Generate(20_001, i => CleanPod("shop", $"batch-{i:D5}"), _ => "shop");

        var result = await CheckAsync(cluster, "-n", "shop");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be("stackblaze-webhook: namespace/shop: not read: more than 20000 objects or 64 MiB to check in all\n");
    }

    [Theory]
    [InlineData(new[] { "check", "-f", "deploy/examples/shop", "--kubeconfig", "kubeconfig" }, "check reads -f PATH or --kubeconfig FILE, not both")]
    [InlineData(new[] { "check", "-n", "shop" }, "check needs -f PATH (a file, a folder, or - for standard input) or --kubeconfig FILE")]
    [InlineData(new[] { "check", "-f", "deploy/examples/shop", "-A" }, "--context and -A need --kubeconfig FILE")]
    [InlineData(new[] { "check", "--kubeconfig", "kubeconfig", "--catalog", "deploy/examples/shop" }, "--catalog is for -f: with --kubeconfig the catalog is the cluster's")]
    [InlineData(new[] { "check", "--kubeconfig", "kubeconfig", "-A", "-n", "shop" }, "-n and -A cannot be used together")]
    public async Task Mixed_sources_are_a_usage_error(string[] arguments, string reason)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(arguments);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith($"stackblaze-webhook: {reason}\n");
    }

    [Fact]
    public async Task A_missing_kubeconfig_or_context_exits_2_in_one_line()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync(Fixture);
        using var folder = new TemporaryFolder();
        var missing = Path.Combine(folder.Path, "nope");

        var noFile = await ProcessRunner.RunWebhookCommandAsync(["check", "--kubeconfig", missing, "-n", "shop"]);
        var noContext = await ProcessRunner.RunWebhookCommandAsync(["check", "--kubeconfig", cluster.WriteKubeconfig(folder.Path), "--context", "prod", "-n", "shop"]);

        noFile.ExitCode.Should().Be(2);
        noFile.Stderr.Should().Be($"stackblaze-webhook: --kubeconfig {missing}: no such file\n");
        noContext.ExitCode.Should().Be(2);
        noContext.Stderr.Should().StartWith("stackblaze-webhook: cannot use the kubeconfig: ").And.Contain("prod");
        Lines(noContext.Stderr).Should().ContainSingle();
        cluster.Deployments.Lists.Should().Be(0);
    }

    private static async Task<ProcessRunner.Result> CheckAsync(FakeKubernetes cluster, params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        return await ProcessRunner.RunWebhookCommandAsync(
            ["check", "--kubeconfig", cluster.WriteKubeconfig(folder.Path), .. arguments], environment: ServerProcess.NoCluster(folder.Path));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static V1Pod CleanPod(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "registry.example.com/batch:1.0" }] },
    };
}
