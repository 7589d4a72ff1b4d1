using System.CommandLine;
using StackBlaze.Webhook.CommandLine.Reports;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>check</c>: its description says what it does and how it exits.</summary>
internal sealed class CheckCommand : Command
{
    private readonly Option<string> _output = Cli.Described<string>(
        "--output", "text|json|github|junit|sarif",
        "text for people, json for programs, github for GitHub Actions annotations, junit for CI test views, sarif for code scanning.", "-o");
    private readonly Option<string?> _outputFile = Cli.Described<string?>(
        "--output-file", "PATH", "Write the report to PATH (whole or not at all) instead of standard output; the summary stays on standard error.");

    public CheckCommand(TextReader stdin)
        : base("check", "The validating webhook's verdict on manifests, for CI without a cluster: exit 0 when clean (warnings allowed), 1 on any violation.")
    {
        var manifests = new ManifestOptions(this);
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
        SetAction(parsed => Run(
            manifests.Read(parsed, stdin), parsed.GetRequiredValue(_output), parsed.GetValue(_outputFile),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
    }

    private static int Run(ManifestInput input, string format, string? outputFile, TextWriter stdout, TextWriter stderr)
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
        return report.Violations > 0 ? Cli.ExitFailed : Cli.ExitOk;
    }
}
