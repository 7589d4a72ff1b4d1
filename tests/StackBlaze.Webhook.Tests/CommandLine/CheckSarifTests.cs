using System.Text.Json;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>check --output sarif</c>, checked against the published SARIF 2.1.0 schema as GitHub code scanning reads it.</summary>
public sealed class CheckSarifTests
{
    private const string Reports = "tests/StackBlaze.Webhook.Tests/Fixtures/Reports";

    [Fact]
    public async Task Sarif_of_several_files_is_valid_and_each_result_points_at_its_value()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
        [
            "check", "-f", $"{Reports}/shop-violations.yaml", $"{Reports}/shop-violations.json", $"{Reports}/staging-warnings.yaml",
            "--catalog", "deploy/examples/shop", RepositoryPaths.Fixture("Catalog"), "-o", "sarif",
        ]);

        result.ExitCode.Should().Be(1);
        var run = ReportSchemas.ValidSarif(result.Stdout).GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("results").EnumerateArray().Select(Summary).Should().Equal(
            $"broken-link error {Reports}/shop-violations.yaml:16:30",
            $"public-url error {Reports}/shop-violations.yaml:24:15",
            $"public-url error {Reports}/shop-violations.yaml:32:22",
            $"public-url error {Reports}/shop-violations.yaml:36:35",
            $"advice warning {Reports}/shop-violations.yaml:2",
            $"public-url error {Reports}/shop-violations.yaml:45:13",
            $"public-url error {Reports}/shop-violations.json:14:18",
            $"public-url warning {Reports}/staging-warnings.yaml:12:11");
        run.GetProperty("results")[2].GetProperty("message").GetProperty("text").GetString().Should().Be(
            "Deployment/orders container app ORDERS_API: calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"; "
            + "use http://backend.internal:3000/v1/orders");
    }

    [Fact]
    public async Task Every_rule_is_described_once_with_a_stable_id_and_results_name_its_index()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", $"{Reports}/shop-violations.yaml", "--catalog", "deploy/examples/shop", "-o", "sarif"]);

        var run = ReportSchemas.ValidSarif(result.Stdout).GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("stackblaze-webhook");
        driver.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(rule => rule.GetProperty("id").GetString()).Should().Equal(
            "public-url", "broken-link", "unreadable-object", "calls-not-listed", "not-checked", "advice");
        rules.Should().OnlyContain(rule => rule.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 0
            && rule.GetProperty("help").GetProperty("text").GetString()!.Length > 0);
        run.GetProperty("results").EnumerateArray().Should().OnlyContain(r =>
            rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString() == r.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_clean_project_is_a_valid_log_with_no_results()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", $"{Reports}/shop-clean.yaml", "deploy/examples/shop", "-o", "sarif"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var run = ReportSchemas.ValidSarif(result.Stdout).GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().Should().Be(0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public async Task A_path_with_spaces_and_markup_is_a_relative_escaped_uri_with_forward_slashes()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Combine(RepositoryPaths.Root, Reports, "shop-violations.json"), Path.Combine(folder.Path, "a <b> & \"c\" é.json"));

        var result = await ProcessRunner.RunAsync(
            WebhookProgram.Built.FileName,
            [.. WebhookProgram.Built.LeadingArguments, "check", "-f", "./a <b> & \"c\" é.json", "--catalog", RepositoryPaths.ShopExample, "-o", "sarif"],
            workingDirectory: folder.Path);

        var uri = ReportSchemas.ValidSarif(result.Stdout).GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        uri.Should().Be("a%20%3Cb%3E%20%26%20%22c%22%20%C3%A9.json");
    }

    private static string Summary(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.GetProperty("region");
        var column = region.TryGetProperty("startColumn", out var c) ? $":{c.GetInt32()}" : "";
        return $"{result.GetProperty("ruleId").GetString()} {result.GetProperty("level").GetString()} "
            + $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{region.GetProperty("startLine").GetInt32()}{column}";
    }
}
