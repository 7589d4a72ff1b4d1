using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook check</c>, run as a CI pipeline runs it.</summary>
public sealed class CheckCommandTests
{
    private const string Violations = "deploy/examples/shop-public-urls";
    private const string Worker = "deploy/examples/shop-public-urls/report-worker.yaml";
    private const string ConfigMaps = "tests/StackBlaze.Webhook.Core.Tests/Fixtures/manifests/config-maps.yaml";

    [Fact]
    public async Task Violating_example_exits_1_with_one_line_per_finding_and_the_internal_url()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{Worker}: ConfigMap/report-worker key BACKEND_HOST: calls api.shop.example.com, "
                + "the public URL of service \"backend\"; use backend.internal",
            $"{Worker}: Deployment/report-worker container worker ORDERS_API: calls https://api.shop.example.com/v1/orders?status=open, "
                + "the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders?status=open",
            $"{Worker}: Deployment/report-worker container worker BACKEND_HOST (ConfigMap report-worker): calls api.shop.example.com, "
                + "the public URL of service \"backend\"; use backend.internal",
            $"{Worker}: Deployment/report-worker container worker args[1]: calls https://shop.example.com/, "
                + "the public URL of service \"frontend\"; use http://frontend.internal:80/");
        result.Stderr.Should().Be("check: 2 objects, 4 violations, 0 warnings\n");
    }

    [Fact]
    public async Task Config_maps_are_checked_by_key_and_a_config_map_not_in_the_files_is_a_warning()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", ConfigMaps, "--catalog", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{ConfigMaps}: ConfigMap/worker-settings key ORDERS_API: calls https://***@api.shop.example.com/v1/orders, "
                + "the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders",
            $"{ConfigMaps}: Deployment/report-worker container worker ORDERS_API (ConfigMap worker-settings): calls https://***@api.shop.example.com/v1/orders, "
                + "the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders",
            $"{ConfigMaps}: Deployment/report-worker: warning: ConfigMap report-flags is not known to the webhook yet, so its values were not checked "
                + "for public URLs; the ConfigMap is checked itself when it is created or changed");
        result.Stderr.Should().Be("check: 2 objects, 2 violations, 1 warnings\n");
    }

    [Fact]
    public async Task Clean_project_exits_0_and_prints_no_finding()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "deploy/examples/shop", "deploy/examples/boutique"]);

        result.ExitCode.Should().Be(0, result.Stdout);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be("check: 17 objects, 0 violations, 0 warnings\n");
    }

    [Fact]
    public async Task Json_output_carries_every_field_of_a_finding()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop", "--output", "json"]);

        result.ExitCode.Should().Be(1);
        var report = JsonNode.Parse(result.Stdout)!;
        report["violations"]!.GetValue<int>().Should().Be(4);
        report["warnings"]!.GetValue<int>().Should().Be(0);
        report["findings"]![0]!["subject"]!.GetValue<string>().Should().Be("key BACKEND_HOST");
        report["findings"]![0]!["container"].Should().BeNull();
        var first = report["findings"]![1]!;
        first.ToJsonString().Should().Be(new JsonObject
        {
            ["severity"] = "error",
            ["rule"] = "public-url",
            ["file"] = Worker,
            ["line"] = 32,
            ["column"] = 22,
            ["objectLine"] = 11,
            ["kind"] = "Deployment",
            ["name"] = "report-worker",
            ["namespace"] = "shop",
            ["container"] = "worker",
            ["subject"] = "ORDERS_API",
            ["address"] = "https://api.shop.example.com/v1/orders?status=open",
            ["service"] = "backend",
            ["internalAddress"] = "http://backend.internal:3000/v1/orders?status=open",
            ["message"] = "calls https://api.shop.example.com/v1/orders?status=open, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders?status=open",
        }.ToJsonString());
    }

    [Fact]
    public async Task Github_output_is_one_error_annotation_per_finding_with_file_and_line()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop", "-o", "github"]);

        result.ExitCode.Should().Be(1);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith($"::error file={Worker},line=10,col=17,title=ConfigMap/report-worker key BACKEND_HOST::");
        lines[1].Should().StartWith($"::error file={Worker},line=32,col=22,title=Deployment/report-worker container worker ORDERS_API::");
        lines[2].Should().StartWith($"::error file={Worker},line=34,col=15,title=Deployment/report-worker container worker BACKEND_HOST (ConfigMap report-worker)::");
        lines[3].Should().StartWith($"::error file={Worker},line=29,col=34,title=Deployment/report-worker container worker args[1]::");
        lines[2].Should().EndWith("::calls api.shop.example.com, the public URL of service \"backend\"; use backend.internal");
    }

    [Fact]
    public async Task Warn_mode_findings_are_warnings_and_exit_0()
    {
        var manifest = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: probe
              namespace: staging
            spec:
              containers:
                - name: probe
                  image: probe:1
                  args: ["--target=api.staging.example.com:443"]
            """;

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "-", "--catalog", RepositoryPaths.Fixture("Catalog")], stdin: manifest);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Be(
            "-: Pod/probe container probe args[0]: warning: calls api.staging.example.com:443, the public URL of service \"backend\"; use backend.internal:3000\n");
    }

    [Theory]
    [InlineData(new[] { "check" }, "check needs -f PATH")]
    [InlineData(new[] { "check", "-f", "deploy/examples/shop", "--output", "xml" }, "--output must be one of text, json, github, junit, sarif, not \"xml\"")]
    public async Task Bad_usage_exits_2(string[] arguments, string reason)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(arguments);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain(reason);
    }

    [Fact]
    public async Task Unparsable_yaml_exits_2_naming_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: indent\n");

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", manifest]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith($"stackblaze-webhook: {manifest}:5:");
    }
}
