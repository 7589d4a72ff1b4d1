using System.Xml.Linq;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>check --output junit</c>, checked against the JUnit schema Jenkins publishes.</summary>
public sealed class CheckJunitTests
{
    private const string Reports = "tests/StackBlaze.Webhook.Tests/Fixtures/Reports";
    private const string Violations = $"{Reports}/shop-violations.yaml";

    [Fact]
    public async Task Each_file_is_a_suite_each_object_a_case_and_each_violation_a_failure_at_its_value()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "-f", Violations, $"{Reports}/shop-clean.yaml", "--catalog", "deploy/examples/shop", "-o", "junit"]);

        result.ExitCode.Should().Be(1);
        var report = ReportSchemas.ValidJunit(result.Stdout).Root!;
        Counts(report).Should().Be("3 tests, 2 failures");
        var suites = report.Elements("testsuite").ToList();
        suites.Select(suite => $"{suite.Attribute("name")!.Value}: {Counts(suite)}").Should().Equal(
            $"{Violations}: 2 tests, 2 failures", $"{Reports}/shop-clean.yaml: 1 tests, 0 failures");
        var deployment = suites[0].Elements("testcase").First();
        deployment.Attribute("name")!.Value.Should().Be("Deployment/orders (namespace shop)");
        deployment.Attribute("classname")!.Value.Should().Be(Violations);
        deployment.Elements("failure").Select(failure => $"{failure.Attribute("type")!.Value} {failure.Value[..failure.Value.IndexOf(": ", StringComparison.Ordinal)]}")
            .Should().Equal(
                $"broken-link {Violations}:16:30", $"public-url {Violations}:24:15", $"public-url {Violations}:32:22", $"public-url {Violations}:36:35");
        deployment.Element("failure")!.Attribute("message")!.Value.Should().StartWith("stackblaze.io/links: link \"other/backend\" names another namespace");
        // The link to a Service not made yet is a warning: the case's output, not a failure.
        deployment.Element("system-out")!.Value.Should().StartWith($"warning: {Violations}:2: Deployment/orders: link \"nosuch\":");
        suites[1].Element("testcase")!.HasElements.Should().BeFalse();
    }

    [Fact]
    public async Task A_case_with_only_warnings_passes_and_shows_them()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "-f", $"{Reports}/staging-warnings.yaml", "--catalog", RepositoryPaths.Fixture("Catalog"), "-o", "junit"]);

        result.ExitCode.Should().Be(0);
        var testCase = ReportSchemas.ValidJunit(result.Stdout).Root!.Descendants("testcase").Should().ContainSingle().Subject;
        testCase.Elements("failure").Should().BeEmpty();
        testCase.Element("system-out")!.Value.Should().Be(
            $"warning: {Reports}/staging-warnings.yaml:12:11: Pod/probe container probe args[0]: "
            + "calls api.staging.example.com:443, the public URL of service \"backend\"; use backend.internal:3000");
    }

    [Fact]
    public async Task A_clean_project_is_a_valid_report_without_failures()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "deploy/examples/shop", "-o", "junit"]);

        result.ExitCode.Should().Be(0);
        var report = ReportSchemas.ValidJunit(result.Stdout).Root!;
        Counts(report).Should().Be("2 tests, 0 failures");
        report.Descendants("failure").Should().BeEmpty();
    }

    [Fact]
    public async Task Names_with_markup_quotes_unicode_and_control_characters_stay_valid_in_every_report()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("a <b> & \"c\" é.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: "<x> & 'y' \"z\" é 😀 \a\x01\e\uFFFE"
              namespace: shop
            spec:
              containers:
                - name: "c<&>\x02"
                  image: app:1
                  env:
                    - name: API
                      value: https://api.shop.example.com
            """);
        string[] check = ["check", "-f", file, "--catalog", "deploy/examples/shop", "-o"];

        var junit = await ProcessRunner.RunWebhookCommandAsync([.. check, "junit"]);
        var sarif = await ProcessRunner.RunWebhookCommandAsync([.. check, "sarif"]);
        var json = await ProcessRunner.RunWebhookCommandAsync([.. check, "json"]);

        var testCase = ReportSchemas.ValidJunit(junit.Stdout).Root!.Descendants("testcase").Single();
        testCase.Attribute("name")!.Value.Should().Be("Pod/<x> & 'y' \"z\" é 😀 \\u0007\\u0001\\u001B\\uFFFE (namespace shop)");
        testCase.Element("failure")!.Value.Should().Contain($"{file}:12:18: Pod/<x> & 'y' \"z\" é 😀 \\u0007\\u0001\\u001B\\uFFFE container c<&>\\u0002 API: ");
        ReportSchemas.ValidSarif(sarif.Stdout).GetProperty("runs")[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString()
            .Should().StartWith("Pod/<x> & 'y' \"z\" é 😀 \a\x01\e\uFFFE container c<&>\x02 API: ");
        System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!["findings"]![0]!["name"]!.GetValue<string>().Should().Be("<x> & 'y' \"z\" é 😀 \a\x01\e\uFFFE");
    }

    private static string Counts(XElement suite) => $"{suite.Attribute("tests")!.Value} tests, {suite.Attribute("failures")!.Value} failures";
}
