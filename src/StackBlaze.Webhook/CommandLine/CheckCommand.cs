using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// <c>check -f PATH... [--catalog PATH] [-n NAMESPACE] [--output text|json|github]</c>: the
/// validating webhook's verdict on manifests, for CI without a cluster. Exit 0 when clean
/// (warnings allowed), 1 on any violation.
/// </summary>
internal static class CheckCommand
{
    public const string Usage = "stackblaze-webhook check -f PATH... [--catalog PATH] [-n NAMESPACE] [--output text|json|github]";

    private static readonly Dictionary<string, string?> Options = new()
    {
        ["filename"] = "-f",
        ["catalog"] = null,
        ["namespace"] = "-n",
        ["output"] = "-o",
    };

    private static readonly HashSet<string> Lists = ["filename", "catalog"];

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var parsed = new ParsedArguments(args, Options, Lists);
        var format = parsed.Value("output") ?? "text";
        if (!FindingFormats.Names.Contains(format))
        {
            throw new UsageException($"--output must be one of {string.Join(", ", FindingFormats.Names)}, not \"{format}\"");
        }
        var input = ManifestInput.Read(parsed, "check", stdin);
        var findings = ManifestChecker.Check(input.Documents, input.Catalog, input.DefaultNamespace);
        FindingFormats.Write(format, findings, stdout);
        // Before the summary: output that cannot be written is the one line on stderr.
        stdout.Flush();
        var violations = findings.Count(f => f.IsViolation);
        stderr.WriteLine($"check: {input.Documents.Count} objects, {violations} violations, {findings.Count - violations} warnings");
        return violations > 0 ? Cli.ExitFailed : Cli.ExitOk;
    }
}
