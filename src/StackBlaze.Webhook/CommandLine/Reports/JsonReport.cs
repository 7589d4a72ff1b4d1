using System.Text.Json;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>
/// <c>--output json</c>: the counts and every field of every finding, for programs. <c>line</c>
/// (and <c>column</c> when known) is where the value the finding is about is written,
/// <c>objectLine</c> where its object's document starts.
/// </summary>
internal static class JsonReport
{
    public static void Write(CheckReport report, TextWriter output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("violations", report.Violations);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("severity", FindingRules.Level(finding));
            json.WriteString("rule", FindingRules.Id(finding.Rule));
            json.WriteString("file", finding.Document.Source);
            json.WriteNumber("line", finding.Line);
            if (finding.Position is { } position)
            {
                json.WriteNumber("column", position.Column);
            }
            json.WriteNumber("objectLine", finding.Document.Line);
            json.WriteString("kind", finding.Document.Kind);
            json.WriteString("name", finding.Document.Name);
            json.WriteOptional("namespace", finding.Document.Namespace);
            WriteWhatAndWhere(json, finding);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>The members that say where in its object a finding is and what it says, which <c>explain</c>'s JSON shares.</summary>
    public static void WriteWhatAndWhere(Utf8JsonWriter json, CheckFinding finding)
    {
        json.WriteOptional("container", finding.Container);
        json.WriteOptional("subject", finding.Subject);
        json.WriteOptional("address", finding.Address);
        json.WriteOptional("service", finding.Service);
        json.WriteOptional("internalAddress", finding.InternalAddress);
        json.WriteString("message", finding.Message);
    }
}
