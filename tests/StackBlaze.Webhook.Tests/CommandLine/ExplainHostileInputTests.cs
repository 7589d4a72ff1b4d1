using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>
/// <c>explain</c> on input made to hurt it: a command line it cannot use is one line and exit 2,
/// nothing on stdout; an object made huge is explained in output that does not grow with it.
/// </summary>
public sealed class ExplainHostileInputTests
{
    private const int MaxExplanationLength = 8 * 1024;

    [Theory]
    [InlineData("deployment/")]
    [InlineData("/web")]
    [InlineData("web")]
    [InlineData("deployment/Web")]
    [InlineData("deployment/a/b")]
    [InlineData("service/backend")]
    [InlineData("configmap/settings")]
    [InlineData("deployment/-web")]
    public async Task Garbage_target_is_refused_in_one_line_with_exit_2(string target)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", target, "-f", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Split('\n')[0].Should().Be($"stackblaze-webhook: the target must be {Form}, not \"{target}\"");
    }

    [Fact]
    public async Task Target_of_ten_thousand_characters_is_quoted_short()
    {
        var target = "deployment/" + new string('x', 10_000) + "/";

        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", target, "-f", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Split('\n')[0].Should().StartWith("stackblaze-webhook: the target must be ").And.EndWith("…\"").And.HaveLength(302, "the target is quoted at 120 characters");
    }

    [Fact]
    public async Task Target_the_input_does_not_hold_is_one_line_and_exit_2()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "sts/frontend", "-f", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be("stackblaze-webhook: no StatefulSet/frontend in the input\n");
    }

    [Theory]
    [InlineData(new[] { "explain" }, "explain needs -f PATH (a file, a folder, or - for standard input) or --kubeconfig FILE")]
    [InlineData(new[] { "explain", "-f", "deploy/examples/shop", "-o", "yaml" }, "--output must be text or json, not \"yaml\"")]
    [InlineData(new[] { "explain", "deploy/web", "deploy/api", "-f", "deploy/examples/shop" }, "unknown argument \"deploy/api\"")]
    public async Task Bad_usage_is_one_line_and_exit_2(string[] arguments, string reason)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(arguments);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Split('\n')[0].Should().Be($"stackblaze-webhook: {reason}");
    }

    [Fact]
    public async Task Links_annotation_of_a_megabyte_is_refused_unread_in_a_short_explanation()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("huge.yaml", Pod("huge", new string('a', 1024 * 1024)));

        var pod = await ExplainBoundedAsync(manifest);

        pod["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Should().Equal("namespace-unknown", "link-error", "denied");
        pod["reasons"]![1]!["message"]!.GetValue<string>().Should().Be("the annotation is 1048576 characters long; at most 16384 are allowed");
    }

    [Fact]
    public async Task Ten_thousand_links_are_refused_unread_in_a_short_explanation()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("many.yaml", Pod("many", string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"s{i}"))));

        var pod = await ExplainBoundedAsync(manifest);

        pod["links"]!.AsArray().Should().BeEmpty();
        pod["reasons"]![1]!["message"]!.GetValue<string>().Should().StartWith("the annotation is").And.EndWith("at most 16384 are allowed");
    }

    [Fact]
    public async Task Hundred_unknown_services_in_a_namespace_of_many_list_the_first_twenty()
    {
        using var folder = new TemporaryFolder();
        var services = string.Concat(Enumerable.Range(0, 500).Select(i => $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc{i:D3}\nspec:\n  ports:\n    - port: 80\n"));
        var manifest = folder.Write("wide.yaml", Pod("wide", string.Join(",", Enumerable.Range(0, 100).Select(i => $"missing{i}"))) + services);

        var result = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", manifest, "-o", "json"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var reasons = JsonNode.Parse(result.Stdout)!["objects"]![0]!["reasons"]!.AsArray();
        var unknown = reasons.Where(r => r!["code"]!.GetValue<string>() == "unknown-service").ToArray();
        unknown.Should().HaveCount(100);
        unknown.Should().OnlyContain(r => r!["services"]!.AsArray().Count == 20 && r["message"]!.GetValue<string>().EndsWith("and 480 more)", StringComparison.Ordinal));
        reasons.Single(r => r!["code"]!.GetValue<string>() == "denied")!["message"]!.GetValue<string>().Should().Contain("and 90 more");
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("check")]
    public async Task Line_breaks_and_escape_sequences_in_names_and_values_are_written_escaped_in_text(string command)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            [command, "-f", RepositoryPaths.Fixture("Explain", "control-characters.yaml"), "--catalog", "deploy/examples/shop"]);

        result.Stdout.Should().NotContain("\u001b").And.NotContain("\r");
        result.Stdout.Should().Contain(@"\u001b[");
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().NotContain(
            line => line.TrimStart().StartsWith("container forged", StringComparison.Ordinal) || line.TrimStart().StartsWith("API_URL=", StringComparison.Ordinal)
                || line.TrimStart().StartsWith("forged", StringComparison.Ordinal) || line.StartsWith('X'));
    }

    [Fact]
    public async Task Escape_sequences_in_github_annotations_are_written_as_text_and_line_breaks_as_its_own_escapes()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "-f", RepositoryPaths.Fixture("Explain", "control-characters.yaml"), "--catalog", "deploy/examples/shop", "-o", "github"]);

        result.Stdout.Should().NotContain("\u001b").And.NotContain("\r").And.Contain(@"\u001b[");
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(line => line.StartsWith("::", StringComparison.Ordinal));
    }

    private const string Form =
        "KIND/NAME (KIND: pod, deployment, statefulset, daemonset, replicaset, job, cronjob, replicationcontroller or their kubectl short names)";

    private static async Task<JsonObject> ExplainBoundedAsync(string manifest)
    {
        var text = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", manifest]);
        text.ExitCode.Should().Be(0, text.Stderr);
        text.Stdout.Length.Should().BeLessThan(MaxExplanationLength);
        var json = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", manifest, "-o", "json"]);
        json.ExitCode.Should().Be(0, json.Stderr);
        json.Stdout.Length.Should().BeLessThan(MaxExplanationLength);
        return JsonNode.Parse(json.Stdout)!["objects"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
    }

    private static string Pod(string name, string links) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          annotations:
            stackblaze.io/links: "{links}"
        spec:
          containers:
            - name: app
              image: app:1

        """;
}
