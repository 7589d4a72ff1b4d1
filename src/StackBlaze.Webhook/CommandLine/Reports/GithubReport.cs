namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary><c>--output github</c>: one workflow command per finding, which GitHub Actions shows as an annotation on the value's line.</summary>
internal static class GithubReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var column = finding.Position is { } position ? $",col={position.Column}" : "";
            output.WriteLine($"::{FindingRules.Level(finding)} file={Property(finding.Document.Source)},line={finding.Line}{column},"
                + $"title={Property(finding.Where)}::{Data(finding.Message)}");
        }
    }

    // Workflow commands: data escapes %, CR and LF; properties also ':' and ','. Other control
    // characters (an ESC that would colour the log) are written as text, as in the text format.
    private static string Data(string text) => TerminalText.Printable(
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
