namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary><c>--output text</c>: one line per finding, for people.</summary>
internal static class TextReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var level = finding.IsViolation ? "" : "warning: ";
            output.WriteLine(TerminalText.Printable($"{finding.Document.Source}: {finding.Where}: {level}{finding.Message}"));
        }
    }
}
