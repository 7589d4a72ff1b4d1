using StackBlaze.Webhook.CommandLine.Reports;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>How <c>check</c> writes its report: for people, for programs, for GitHub Actions, for CI test and code-scanning views.</summary>
internal static class FindingFormats
{
    public static readonly string[] Names = ["text", "json", "github", "junit", "sarif"];

    public static void Write(string format, CheckReport report, TextWriter output)
    {
        switch (format)
        {
            case "json":
                JsonReport.Write(report, output);
                break;
            case "github":
                GithubReport.Write(report, output);
                break;
            case "junit":
                JunitReport.Write(report, output);
                break;
            case "sarif":
                SarifReport.Write(report, output);
                break;
            default:
                TextReport.Write(report, output);
                break;
        }
    }
}
