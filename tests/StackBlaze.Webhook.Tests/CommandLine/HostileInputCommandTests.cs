using System.Text;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>
/// <c>inject</c> and <c>check</c> on input made to hurt them, run as a process: each fails with one
/// line on stderr and exit 2, never a crash (134), a stack trace, a hang, a secret, or a silent 0.
/// </summary>
public sealed class HostileInputCommandTests
{
    private const string Secret = "token-that-must-not-be-printed";

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task A_file_that_never_ends_is_refused_at_the_limit(string command)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", "/dev/zero"]);

        FailsCleanly(result).Should().Be("stackblaze-webhook: /dev/zero: not read: more than 16 MiB in one file, or 64 MiB in all");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task A_link_to_a_kubeconfig_in_the_folder_is_refused_and_its_token_never_printed(string command)
    {
        using var outside = new TemporaryFolder();
        var kubeconfig = outside.Write("kubeconfig", $"apiVersion: v1\nkind: Config\nusers:\n  - name: admin\n    user:\n      token: {Secret}\n");
        var folder = Directory.CreateDirectory(Path.Combine(outside.Path, "manifests")).FullName;
        File.CreateSymbolicLink(Path.Combine(folder, "config.yaml"), kubeconfig);

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", folder]);

        FailsCleanly(result).Should().EndWith("config.yaml: a link that leads out of " + folder + " is not followed");
        (result.Stdout + result.Stderr).Should().NotContain(Secret);
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task A_link_to_the_parent_folder_is_refused_rather_than_walked(string command)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), "..");

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", folder.Path]);

        FailsCleanly(result).Should().EndWith("loop: a link that leads out of " + folder.Path + " is not followed");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task Yaml_nested_thousands_deep_is_refused(string command)
    {
        using var folder = new TemporaryFolder();
        var deep = folder.Write("deep.yaml", "apiVersion: v1\nkind: Pod\nspec: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", deep]);

        FailsCleanly(result).Should().Contain("deep.yaml:3:").And.EndWith("not read: nested deeper than 64 levels");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task Yaml_indented_thousands_deep_is_refused(string command)
    {
        using var folder = new TemporaryFolder();
        var deep = folder.Write("deep.yaml", "apiVersion: v1\nkind: Pod\nspec:" + string.Concat(Enumerable.Range(0, 3000).Select(i => "\n" + new string(' ', 2 * i) + "a:")) + "\n");

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", deep]);

        FailsCleanly(result).Should().EndWith("not read: nested deeper than 64 levels");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task An_alias_bomb_is_refused_before_it_is_built(string command)
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: bomb}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", "-"], stdin: yaml.ToString());

        FailsCleanly(result).Should().Contain("not read: more than 4000000 values");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task A_huge_number_of_documents_is_refused(string command)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            [command, "-f", "-"], stdin: string.Concat(Enumerable.Repeat("apiVersion: v1\nkind: ConfigMap\n---\n", 20_001)));

        FailsCleanly(result).Should().EndWith("not read: more than 20000 objects");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task Binary_garbage_is_refused(string command)
    {
        using var folder = new TemporaryFolder();
        var garbage = Path.Combine(folder.Path, "garbage.yaml");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 65_536).Select(i => (byte)(i * 7919 % 251))]);

        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", garbage]);

        FailsCleanly(result).Should().StartWith($"stackblaze-webhook: {garbage}:");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task Invalid_utf8_on_standard_input_is_refused(string command)
    {
        var result = await ShellAsync(["-c", "printf 'apiVersion: v1\\nkind: ConfigMap\\ndata:\\n  name: caf\\351\\n' | \"$@\"", "bash", .. Webhook(command, "-f", "-")]);

        FailsCleanly(result).Should().Be("stackblaze-webhook: -: not read: not UTF-8 text");
    }

    [Theory]
    [InlineData("inject")]
    [InlineData("check")]
    public async Task A_file_that_cannot_be_read_is_refused(string command)
    {
        // Root reads a file of mode 000; reading this one fails for anyone.
        var result = await ProcessRunner.RunWebhookCommandAsync([command, "-f", "/proc/self/mem"]);

        FailsCleanly(result).Should().Contain("/proc/self/mem");
    }

    [Fact]
    public async Task A_fifo_in_the_folder_is_skipped_and_the_rest_is_checked()
    {
        using var folder = new TemporaryFolder();
        folder.Write("map.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: real\n");
        var fifo = await ShellAsync(["-c", "mkfifo \"$1\"", "bash", Path.Combine(folder.Path, "pipe.yaml")]);
        fifo.ExitCode.Should().Be(0, fifo.Stderr);

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", folder.Path]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Be("check: 1 objects, 0 violations, 0 warnings\n");
    }

    [Fact]
    public async Task Inject_into_a_pipe_its_reader_closed_exits_2()
    {
        // More output than a pipe holds, so the write is still going when head has gone.
        using var folder = new TemporaryFolder();
        var many = folder.Write("many.yaml", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-{i}\ndata:\n  padding: \"{new string('x', 100)}\"\n")));

        var result = await ShellAsync(["-c", "\"$@\" | head -c1 > /dev/null; exit \"${PIPESTATUS[0]}\"", "bash", .. Webhook("inject", "-f", many)]);

        FailsCleanly(result).Should().Be("stackblaze-webhook: cannot write to standard output: Broken pipe");
    }

    [Theory]
    [InlineData("inject", "-f", "deploy/examples/shop")]
    [InlineData("check", "-f", "deploy/examples/shop-public-urls", "--catalog", "deploy/examples/shop")]
    public async Task A_closed_standard_output_exits_2_when_there_is_output(params string[] arguments)
    {
        var result = await ShellAsync(["-c", "\"$@\" >&-", "bash", .. Webhook(arguments)]);

        FailsCleanly(result).Should().StartWith("stackblaze-webhook: cannot write to standard output: ");
    }

    [Fact]
    public async Task Output_to_a_file_the_shell_writes_after_is_not_overwritten()
    {
        using var folder = new TemporaryFolder();
        var report = Path.Combine(folder.Path, "report.txt");

        var result = await ShellAsync(["-c", "{ \"$@\"; echo after; } > \"$0\"", report, .. Webhook("check", "-f", "deploy/examples/shop-public-urls", "--catalog", "deploy/examples/shop")]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = await File.ReadAllLinesAsync(report);
        // The example's four findings, its ConfigMap's first, then the shell's line after them.
        lines.Should().HaveCount(5).And.EndWith("after");
        lines[0].Should().StartWith("deploy/examples/shop-public-urls/report-worker.yaml: ConfigMap/report-worker");
    }

    [Fact]
    public async Task Check_judges_each_item_of_a_list()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", RepositoryPaths.Fixture("Manifests", "list-with-bad-link.yaml")]);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stdout.Should().Contain("Pod/worker").And.Contain("\"payments.internal\"");
        result.Stderr.Should().Be("check: 2 objects, 1 violations, 0 warnings\n");
    }

    [Fact]
    public async Task Inject_fails_on_an_item_of_a_list_as_on_an_object_of_its_own()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", RepositoryPaths.Fixture("Manifests", "list-with-bad-link.yaml")]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("Pod/worker").And.Contain("\"payments.internal\"");
    }

    /// <summary>The one line on stderr of a clean failure: exit 2, nothing on stdout, no stack trace.</summary>
    private static string FailsCleanly(ProcessRunner.Result result)
    {
        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().NotContain("   at ").And.EndWith("\n");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        return lines[0];
    }

    private static string[] Webhook(params string[] arguments) =>
        [WebhookProgram.Built.FileName, .. WebhookProgram.Built.LeadingArguments, .. arguments];

    private static Task<ProcessRunner.Result> ShellAsync(string[] arguments) => ProcessRunner.RunAsync("bash", arguments);
}
