using System.Text.Json;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>How <c>check</c> prints its findings: for people, for programs, for GitHub Actions.</summary>
internal static class FindingFormats
{
    public static readonly string[] Names = ["text", "json", "github"];

    public static void Write(string format, IReadOnlyList<CheckFinding> findings, TextWriter output)
    {
        switch (format)
        {
            case "json":
                WriteJson(findings, output);
                break;
            case "github":
                foreach (var finding in findings)
                {
                    var level = finding.IsViolation ? "error" : "warning";
                    output.WriteLine($"::{level} file={Property(finding.Document.Source)},line={finding.Document.Line},title={Property(finding.Where)}::{Data(finding.Message)}");
                }
                break;
            default:
                foreach (var finding in findings)
                {
                    var level = finding.IsViolation ? "" : "warning: ";
                    output.WriteLine(TerminalText.Printable($"{finding.Document.Source}: {finding.Where}: {level}{finding.Message}"));
                }
                break;
        }
    }

    // Relaxed escaping: the report is read by programs and people, never embedded in HTML.
    private static void WriteJson(IReadOnlyList<CheckFinding> findings, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("violations", findings.Count(f => f.IsViolation));
            json.WriteNumber("warnings", findings.Count(f => !f.IsViolation));
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("severity", finding.IsViolation ? "error" : "warning");
                json.WriteString("file", finding.Document.Source);
                json.WriteNumber("line", finding.Document.Line);
                json.WriteString("kind", finding.Document.Kind);
                json.WriteString("name", finding.Document.Name);
                WriteOptional(json, "namespace", finding.Document.Namespace);
                WriteOptional(json, "container", finding.Container);
                WriteOptional(json, "subject", finding.Subject);
                WriteOptional(json, "address", finding.Address);
                WriteOptional(json, "service", finding.Service);
                WriteOptional(json, "internalAddress", finding.InternalAddress);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    // GitHub workflow commands: data escapes %, CR and LF; properties also ':' and ','.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
