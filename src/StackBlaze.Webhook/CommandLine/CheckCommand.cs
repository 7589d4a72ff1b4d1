using System.CommandLine;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>check</c>: its description says what it does and how it exits.</summary>
internal sealed class CheckCommand : Command
{
    private readonly Option<string> _output = Cli.Described<string>(
        "--output", "text|json|github", "text for people, json for programs, github for GitHub Actions annotations.", "-o");

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
        SetAction(parsed => Run(
            manifests.Read(parsed, stdin), parsed.GetRequiredValue(_output), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
    }

    private static int Run(ManifestInput input, string format, TextWriter stdout, TextWriter stderr)
    {
        var findings = ManifestChecker.Check(input.Documents, input.Catalog, input.DefaultNamespace);
        FindingFormats.Write(format, findings, stdout);
        // Before the summary: output that cannot be written is the one line on stderr.
        stdout.Flush();
        var violations = findings.Count(f => f.IsViolation);
        stderr.WriteLine($"check: {input.Documents.Count} objects, {violations} violations, {findings.Count - violations} warnings");
        return violations > 0 ? Cli.ExitFailed : Cli.ExitOk;
    }
}
