using System.Reflection;
using System.Text.Json;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>
/// <c>--output sarif</c>: SARIF 2.1.0 as GitHub code scanning reads it, one run, every rule listed
/// whether it found something or not, each result on the line (and column) of its value.
/// </summary>
internal static class SarifReport
{
    private const string Schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string ToolName = "stackblaze-webhook";
    private const string InformationUri = "https://stackblaze.io";

    // The assembly's version, without the "+commit" the SDK may add to it.
    internal static readonly string ToolVersion =
        (typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public static void Write(CheckReport report, TextWriter output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(json, finding);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolName);
        json.WriteString("version", ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in FindingRules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", FindingRules.Id(rule));
            json.WriteString("name", rule.ToString());
            WriteMessage(json, "shortDescription", FindingRules.Summary(rule));
            WriteMessage(json, "help", FindingRules.Help(rule));
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule == FindingRule.Advice ? "warning" : "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, CheckFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", FindingRules.Id(finding.Rule));
        json.WriteNumber("ruleIndex", Array.IndexOf(FindingRules.All, finding.Rule));
        json.WriteString("level", FindingRules.Level(finding));
        WriteMessage(json, "message", $"{finding.Where}: {finding.Message}");
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri.Of(finding.Document.Source));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        if (finding.Position is { } position)
        {
            json.WriteNumber("startColumn", position.Column);
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
