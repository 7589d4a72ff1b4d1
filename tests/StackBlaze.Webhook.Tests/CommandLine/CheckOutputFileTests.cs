using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>check --output-file</c>: the report whole in the file or not at all, the summary on stderr, nothing on stdout.</summary>
public sealed class CheckOutputFileTests
{
    private const string Violations = "tests/StackBlaze.Webhook.Tests/Fixtures/Reports/shop-violations.yaml";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("sarif")]
    public async Task The_report_goes_to_the_file_as_it_would_to_stdout(string format)
    {
        using var folder = new TemporaryFolder();
        var report = Path.Combine(folder.Path, $"check.{format}");
        string[] check = ["check", "-f", Violations, "--catalog", "deploy/examples/shop", "-o", format];

        var printed = await ProcessRunner.RunWebhookCommandAsync(check);
        var written = await ProcessRunner.RunWebhookCommandAsync([.. check, "--output-file", report]);

        written.ExitCode.Should().Be(1);
        written.Stdout.Should().BeEmpty();
        written.Stderr.Should().Be("check: 2 objects, 5 violations, 1 warnings\n");
        File.ReadAllText(report).Should().Be(printed.Stdout);
        Directory.GetFiles(folder.Path).Should().Equal(report);
    }

    [Fact]
    public async Task A_report_already_there_is_replaced_whole()
    {
        using var folder = new TemporaryFolder();
        var report = folder.Write("check.sarif", new string('x', 1_000_000));

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "deploy/examples/shop", "-o", "sarif", "--output-file", report]);

        result.ExitCode.Should().Be(0);
        ReportSchemas.ValidSarif(File.ReadAllText(report));
    }

    [Theory]
    [InlineData("missing/check.xml")]
    [InlineData("taken")]
    public async Task A_path_that_cannot_be_written_exits_2_with_one_line_and_leaves_nothing(string name)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "taken"));
        var report = Path.Combine(folder.Path, name);

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", Violations, "--catalog", "deploy/examples/shop", "-o", "junit", "--output-file", report]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith($"stackblaze-webhook: cannot write the report to {report}: ").And.EndWith("\n");
        result.Stderr.TrimEnd('\n').Should().NotContain("\n");
        Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Should().Equal(Path.Combine(folder.Path, "taken"));
    }
}
