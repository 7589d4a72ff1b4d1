using System.Text.Json;
using StackBlaze.Webhook.CommandLine.Reports;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>How <c>explain</c> prints: for people, or for programs (the shape is in docs/explain.md).</summary>
internal static class ExplanationFormats
{
    public static readonly string[] Names = ["text", "json"];

    public static void Write(string format, IReadOnlyList<ObjectExplanation> explained, TextWriter output)
    {
        if (format == "json")
        {
            WriteJson(explained, output);
            return;
        }
        if (explained.Count == 0)
        {
            output.WriteLine("nothing to explain: no pod, workload or object with links in the input");
        }
        for (var i = 0; i < explained.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }
            WriteText(explained[i], output);
        }
    }

    private static void WriteText(ObjectExplanation explained, TextWriter output)
    {
        var document = explained.Document;
        Line(output, $"{Title(document)} in namespace {explained.Namespace} ({document.Source}:{document.Line})");
        Line(output, $"  sent to the mutating webhook: {(explained.Sent ? "yes" : "no")}");
        foreach (var link in explained.Links)
        {
            Line(output, link.Error is { } error
                ? $"  link {link.Link}: not resolved: {error}"
                : $"  link {link.Link}: Service {link.Service}, port {link.Port}{(link.PortName is { } name ? $" ({name})" : "")}, "
                    + $"protocol {link.Protocol}, form {link.Form}: {string.Join(", ", link.Variables)}");
        }
        foreach (var container in explained.Containers)
        {
            var what = container.List == "initContainers" ? "init container" : "container";
            if (container.Variables.Count == 0)
            {
                Line(output, $"  {what} {container.Name} gets nothing");
                continue;
            }
            Line(output, $"  {what} {container.Name} gets:");
            foreach (var variable in container.Variables)
            {
                var value = variable.SecretName is null ? $"={variable.Value}" : $" from secretKeyRef {variable.SecretName}/{variable.SecretKey}";
                Line(output, $"    {variable.Name}{value} (link {variable.Link})");
            }
        }
        foreach (var binding in explained.Bindings)
        {
            Line(output, $"  binding {binding.Service} at $SERVICE_BINDING_ROOT/{binding.Service} (volume {binding.Volume}): "
                + string.Join(", ", binding.Files.Select(file => file.SecretName is null ? $"{file.Name}={file.Value}" : $"{file.Name} from secret {file.SecretName}/{file.SecretKey}")));
        }
        if (explained.Labels.Count > 0)
        {
            Line(output, $"  labels: {string.Join(", ", explained.Labels.Select(label => label + "=true"))} (what link policies admit its pods by)");
        }
        if (explained.Reasons.Count > 0)
        {
            Line(output, "  why not more:");
            foreach (var reason in explained.Reasons)
            {
                Line(output, $"    {reason.Code}: {reason.Message}");
            }
        }
        if (explained.StalePods is { Count: > 0 } stale)
        {
            output.WriteLine("  stale pods (created before the links or a Service's port changed; replace them to get what is above):");
            foreach (var pod in stale)
            {
                foreach (var variable in pod.Variables)
                {
                    output.WriteLine($"    pod {pod.Name} container {variable.Container} {variable.Name}: has {variable.Injected ?? "nothing"}, would get {variable.Now ?? "nothing"}");
                }
                foreach (var label in pod.MissingLabels)
                {
                    output.WriteLine($"    pod {pod.Name} lacks the label {label}=true: where link policies are on, its calls to that Service are refused");
                }
            }
        }
        if (explained.Findings.Count > 0)
        {
            Line(output, "  check:");
            foreach (var finding in explained.Findings)
            {
                Line(output, $"    {(finding.IsViolation ? "error" : "warning")}: {Where(finding)}{finding.Message}");
            }
        }
    }

    private static void WriteJson(IReadOnlyList<ObjectExplanation> explained, TextWriter output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("objects");
        foreach (var one in explained)
        {
            WriteJson(one, json);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteJson(ObjectExplanation explained, Utf8JsonWriter json)
    {
        var document = explained.Document;
        json.WriteStartObject();
        json.WriteString("file", document.Source);
        json.WriteNumber("line", document.Line);
        json.WriteString("kind", BoundedText.Quote(document.Kind));
        json.WriteString("name", BoundedText.Quote(document.Name));
        json.WriteString("namespace", explained.Namespace);
        json.WriteBoolean("sent", explained.Sent);
        json.WriteStartArray("links");
        foreach (var link in explained.Links)
        {
            json.WriteStartObject();
            json.WriteString("link", link.Link);
            json.WriteString("service", link.Service);
            if (link.Error is { } error)
            {
                json.WriteString("error", error);
            }
            else
            {
                json.WriteNumber("port", link.Port!.Value);
                json.WriteOptional("portName", link.PortName);
                json.WriteString("protocol", link.Protocol);
                json.WriteString("form", link.Form);
                Strings(json, "variables", link.Variables);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("containers");
        foreach (var container in explained.Containers)
        {
            json.WriteStartObject();
            json.WriteString("name", container.Name);
            json.WriteString("list", container.List);
            json.WriteStartArray("variables");
            foreach (var variable in container.Variables)
            {
                WriteValueOrSecret(json, variable, link: true);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("bindings");
        foreach (var binding in explained.Bindings)
        {
            json.WriteStartObject();
            json.WriteString("service", binding.Service);
            json.WriteString("volume", binding.Volume);
            json.WriteStartArray("files");
            foreach (var file in binding.Files)
            {
                WriteValueOrSecret(json, file);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Strings(json, "labels", explained.Labels);
        json.WriteStartArray("reasons");
        foreach (var reason in explained.Reasons)
        {
            json.WriteStartObject();
            json.WriteString("code", reason.Code);
            json.WriteOptional("container", reason.Container);
            json.WriteOptional("variable", reason.Variable);
            json.WriteOptional("link", reason.Link);
            if (reason.Services is { } services)
            {
                Strings(json, "services", services);
            }
            json.WriteString("message", reason.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (explained.StalePods is { } stalePods)
        {
            json.WriteStartArray("stalePods");
            foreach (var pod in stalePods)
            {
                json.WriteStartObject();
                json.WriteString("name", pod.Name);
                json.WriteStartArray("variables");
                foreach (var variable in pod.Variables)
                {
                    json.WriteStartObject();
                    json.WriteString("container", variable.Container);
                    json.WriteString("name", variable.Name);
                    json.WriteOptional("has", variable.Injected);
                    json.WriteOptional("wouldGet", variable.Now);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                Strings(json, "missingLabels", pod.MissingLabels);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("findings");
        foreach (var finding in explained.Findings)
        {
            json.WriteStartObject();
            json.WriteString("severity", FindingRules.Level(finding));
            JsonReport.WriteWhatAndWhere(json, finding);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Each line is one line, whatever a tenant's names and values hold.
    /// <summary>A variable or a binding's file: its name, then its value or the Secret key it comes from.</summary>
    private static void WriteValueOrSecret(Utf8JsonWriter json, ExplainedVariable variable, bool link = false)
    {
        json.WriteStartObject();
        json.WriteString("name", variable.Name);
        if (variable.SecretName is null)
        {
            json.WriteString("value", variable.Value);
        }
        else
        {
            json.WriteStartObject("secretKeyRef");
            json.WriteString("name", variable.SecretName);
            json.WriteString("key", variable.SecretKey);
            json.WriteEndObject();
        }
        if (link)
        {
            json.WriteString("link", variable.Link);
        }
        json.WriteEndObject();
    }

    private static void Line(TextWriter output, string text) => output.WriteLine(TerminalText.Printable(text));

    private static string Title(ManifestDocument document) => $"{BoundedText.Quote(document.Kind)}/{BoundedText.Quote(document.Name)}";

    private static string Where(CheckFinding finding) => (finding.Container, finding.Subject) switch
    {
        (null, null) => "",
        (null, var subject) => $"{subject}: ",
        var (container, subject) => $"container {container} {subject}: ",
    };

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
