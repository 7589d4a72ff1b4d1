using System.Globalization;
using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// The JSON Pointer, in its object, of the value a finding is about: found again from the
/// container and subject the finding names, as the policy writes them (<c>API_URL</c>,
/// <c>API_URL (ConfigMap app)</c>, <c>args[2]</c>, <c>key "API_URL"</c>), so that the admission
/// path, which has no lines to give, carries no positions. Null when it cannot be told: the
/// finding then points at its object.
/// </summary>
internal static class FindingPointer
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    /// <summary>Where a public-URL finding's value stands: the env entry's value, the <c>envFrom</c> entry, the argument, the ConfigMap key.</summary>
    public static string? OfValue(JsonElement body, PodKind? kind, string? container, string subject)
    {
        if (kind is null)
        {
            foreach (var entry in Object(body, "data")?.EnumerateObject() ?? default)
            {
                if (subject == $"key {BoundedText.Quote(entry.Name)}")
                {
                    return JsonPointer.Append("/data", entry.Name);
                }
            }
            return null;
        }
        if (container is null || !TemplateAnnotationPropagator.TryFindTemplate(body, kind, out var template) || Object(template, "spec") is not { } spec)
        {
            return null;
        }
        foreach (var list in ContainerLists)
        {
            var index = 0;
            foreach (var item in Array(spec, list))
            {
                if (Name(item) == container)
                {
                    var at = $"{kind.TemplatePointer}/spec/{list}/{index}";
                    return InContainer(item, subject) is { } inside ? at + inside : at;
                }
                index++;
            }
        }
        return null;
    }

    /// <summary>Where the links annotation the pods carry is written: the template's own, else the workload's.</summary>
    public static string? OfLinks(JsonElement body, PodKind kind)
    {
        var annotation = JsonPointer.Append("/metadata/annotations", StackBlazeAnnotations.Links);
        return TemplateAnnotationPropagator.TryFindTemplate(body, kind, out var template) && HasLinks(template) ? kind.TemplatePointer + annotation
            : HasLinks(body) ? annotation
            : null;
    }

    private static bool HasLinks(JsonElement obj) =>
        Object(Object(obj, "metadata"), "annotations") is { } annotations && annotations.TryGetProperty(StackBlazeAnnotations.Links, out var links)
            && links.ValueKind == JsonValueKind.String;

    private static string? InContainer(JsonElement container, string subject)
    {
        // "args[2]", "lifecycle.postStart.exec.command[0]", each maybe followed by " (with $(HOST) expanded)".
        var head = subject.IndexOf(" (", StringComparison.Ordinal) is >= 0 and var end ? subject[..end] : subject;
        if (head is [.., ']'] && head.LastIndexOf('[') is > 0 and var open
            && int.TryParse(head.AsSpan(open + 1, head.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var argument))
        {
            var fields = head[..open].Split('.');
            JsonElement? list = container;
            foreach (var field in fields[..^1])
            {
                list = Object(list, field);
            }
            return list is { } parent && Array(parent, fields[^1]).Skip(argument).Any()
                ? $"/{string.Join('/', fields)}/{argument}"
                : null;
        }
        var index = 0;
        foreach (var source in Array(container, "envFrom"))
        {
            if (Name(Object(source, "configMapRef")) is { } mapName && subject.EndsWith($" (ConfigMap {mapName})", StringComparison.Ordinal))
            {
                return $"/envFrom/{index}";
            }
            index++;
        }
        // The last entry of that name: the one the container gets.
        string? found = null;
        index = 0;
        foreach (var variable in Array(container, "env"))
        {
            if (Name(variable) is { } name && (subject == name || subject.StartsWith(name + " (", StringComparison.Ordinal)))
            {
                found = variable.TryGetProperty("value"u8, out _) ? $"/env/{index}/value" : $"/env/{index}";
            }
            index++;
        }
        return found;
    }

    private static string? Name(JsonElement? obj) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("name"u8, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;

    private static JsonElement? Object(JsonElement? obj, string field) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement obj, string field) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : default;
}
