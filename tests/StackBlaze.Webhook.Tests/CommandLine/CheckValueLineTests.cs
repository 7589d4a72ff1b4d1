using System.Text;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>check</c>'s findings point at the line of the offending value, not at its object's first line.</summary>
public sealed class CheckValueLineTests
{
    private const string Reports = "tests/StackBlaze.Webhook.Tests/Fixtures/Reports";
    private const string Violations = $"{Reports}/shop-violations.yaml";

    [Fact]
    public async Task Github_annotations_point_at_the_line_and_column_of_each_offending_value()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop", "-o", "github"]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..line.IndexOf(",title=", StringComparison.Ordinal)]).Should().Equal(
            // The links annotation's value, the init container's command, the env entry's value, the exec hook's argument.
            $"::error file={Violations},line=16,col=30",
            $"::error file={Violations},line=24,col=15",
            $"::error file={Violations},line=32,col=22",
            $"::error file={Violations},line=36,col=35",
            // A link to a Service that does not exist yet is about the annotation as a whole: the object's line.
            $"::warning file={Violations},line=2",
            // The ConfigMap key's value.
            $"::error file={Violations},line=45,col=13");
    }

    [Fact]
    public async Task Json_report_gives_the_value_line_and_keeps_the_object_line()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop", "-o", "json"]);

        var findings = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray();
        findings.Select(f => (f!["line"]!.GetValue<int>(), f["column"]?.GetValue<int>(), f["objectLine"]!.GetValue<int>())).Should().Equal(
            (16, 30, 2), (24, 15, 2), (32, 22, 2), (36, 35, 2), (2, null, 2), (45, 13, 37));
    }

    [Fact]
    public async Task Json_input_points_at_the_line_of_its_value()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "-f", $"{Reports}/shop-violations.json", "--catalog", "deploy/examples/shop", "-o", "github"]);

        result.Stdout.Should().StartWith($"::error file={Reports}/shop-violations.json,line=14,col=18,title=Pod/probe container probe args[1]::");
    }

    [Fact]
    public async Task An_item_of_a_list_points_at_its_own_value()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", $"{Reports}/shop-list.yaml", "--catalog", "deploy/examples/shop", "-o", "github"]);

        result.Stdout.Should().StartWith($"::error file={Reports}/shop-list.yaml,line=18,col=12,title=ConfigMap/second key API::");
    }

    [Fact]
    public async Task A_value_brought_by_an_alias_points_at_the_alias()
    {
        var manifest = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: shared
              namespace: shop
            spec:
              containers:
                - name: first
                  image: app:1
                  env: &env
                    - name: API
                      value: https://api.shop.example.com
                - name: second
                  image: app:1
                  env: *env
            """;

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "-", "--catalog", "deploy/examples/shop", "-o", "github"], stdin: manifest);

        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..line.IndexOf(",title=", StringComparison.Ordinal)])
            .Should().Equal("::error file=-,line=12,col=18", "::error file=-,line=15,col=12");
    }

    [Fact]
    public async Task Sixteen_mebibytes_of_a_million_scalars_point_at_their_values_within_a_bounded_heap()
    {
        using var folder = new TemporaryFolder();
        var manifest = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\n  namespace: shop\ndata:\n");
        var line = 6;
        var calls = new List<int>();
        for (var key = 0; manifest.Length < 15 * 1024 * 1024; key++)
        {
            line++;
            if (key % 100_000 == 99_999)
            {
                calls.Add(line);
                manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"  CALL_{key}: https://api.shop.example.com/{key}\n");
            }
            else
            {
                manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"  k{key}: v\n");
            }
        }
        var file = folder.Write("huge.yaml", manifest.ToString());

        // The heap the reading itself needs, and no more: a position kept for every scalar would not fit.
        // Given time: it reads 16 MiB twice, on a machine the other tests share.
        var result = await ProcessRunner.RunAsync(
            WebhookProgram.Built.FileName, [.. WebhookProgram.Built.LeadingArguments, "check", "-f", file, "--catalog", "deploy/examples/shop", "-o", "github"],
            environment: new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" }, within: TimeSpan.FromMinutes(10));

        result.ExitCode.Should().Be(1, result.Stderr);
        calls.Should().HaveCountGreaterThan(5);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(annotation => annotation[..annotation.IndexOf(",title=", StringComparison.Ordinal)])
            .Should().Equal(calls.Select(call => $"::error file={file},line={call},col={(call - 7).ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 10}"));
    }
}
