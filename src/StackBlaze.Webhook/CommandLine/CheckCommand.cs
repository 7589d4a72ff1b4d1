using System.CommandLine;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.CommandLine.Reports;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>check</c>: its description says what it does and how it exits.</summary>
internal sealed class CheckCommand : Command
{
    // A summary line a terminal shows whole; the findings name the namespace of each object.
    private const int NamespacesListed = 20;

    private readonly Option<string> _output = Cli.Described<string>(
        "--output", "text|json|github|junit|sarif",
        "text for people, json for programs, github for GitHub Actions annotations, junit for CI test views, sarif for code scanning.", "-o");
    private readonly Option<string?> _outputFile = Cli.Described<string?>(
        "--output-file", "PATH", "Write the report to PATH (whole or not at all) instead of standard output; the summary stays on standard error.");

    public CheckCommand(TextReader stdin)
        : base("check", "The validating webhook's verdict on manifests, for CI without a cluster, or on a cluster's projects as enforce mode "
            + "would give it: exit 0 when clean (warnings allowed), 1 on any violation.")
    {
        var manifests = new ManifestOptions(this, required: false);
        var cluster = new ClusterOptions(this, manifests);
        _output.DefaultValueFactory = _ => "text";
        _output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } format && !FindingFormats.Names.Contains(format))
            {
                result.AddError($"--output must be one of {string.Join(", ", FindingFormats.Names)}, not \"{format}\"");
            }
        });
        Options.Add(_output);
        Options.Add(_outputFile);
        SetAction(async (parsed, cancellationToken) =>
        {
            var (format, outputFile) = (parsed.GetRequiredValue(_output), parsed.GetValue(_outputFile));
            var (stdout, stderr) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            if (!cluster.ReadsCluster(parsed))
            {
                return Run(manifests.Read(parsed, stdin), format, outputFile, stdout, stderr);
            }
            var snapshot = await cluster.ReadAsync(parsed, cancellationToken);
            // Enforce whatever each namespace's label says today: the question is what switching to it would refuse.
            var input = new ManifestInput(snapshot.Documents, snapshot.Catalog(manifests.Hosts(parsed), PolicyMode.Enforce), Cli.DefaultNamespace);
            return Run(input, format, outputFile, stdout, stderr, Today(snapshot));
        });
    }

    /// <summary>The line that says a cluster's findings are enforce mode's, and which projects do not enforce today.</summary>
    private static string Today(ClusterSnapshot snapshot)
    {
        string[] notEnforcing = [.. snapshot.Projects
            .Select(p => (p.Name, Mode: PolicyModes.Of(p)))
            .Where(p => p.Mode != PolicyMode.Enforce)
            .Select(p => $"{p.Name} ({PolicyModes.Name(p.Mode)})")];
        return $"check: as enforce mode would judge {snapshot.Projects.Count} projects; "
            + (notEnforcing.Length == 0 ? "every one enforces today" : $"not enforcing today: {BoundedText.Join(", ", notEnforcing, NamespacesListed)}");
    }

    private static int Run(ManifestInput input, string format, string? outputFile, TextWriter stdout, TextWriter stderr, string? about = null)
    {
        var findings = ManifestChecker.Check(input.Documents, input.Catalog, input.DefaultNamespace);
        var report = new CheckReport([.. input.Documents.Where(ManifestChecker.Judges)], findings);
        // Before the summary: output that cannot be written is the one line on stderr.
        if (outputFile is null)
        {
            FindingFormats.Write(format, report, stdout);
            stdout.Flush();
        }
        else
        {
            ReportFile.Write(outputFile, file => FindingFormats.Write(format, report, file));
        }
        stderr.WriteLine($"check: {input.Documents.Count} objects, {report.Violations} violations, {report.Warnings} warnings");
        if (about is not null)
        {
            stderr.WriteLine(about);
        }
        return report.Violations > 0 ? Cli.ExitFailed : Cli.ExitOk;
    }
}
