using System.Text.Json;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Validates a ConfigMap of a project namespace as it is written: each key that <c>envFrom</c>
/// makes into a variable (<see cref="EnvFromKeys"/>) is checked as an env entry of that name
/// would be, with the same exemptions; the ConfigMap's own <c>stackblaze.io/allow-public-urls</c>
/// lists the keys allowed. File keys are not checked, and <c>binaryData</c> never becomes a variable.
/// </summary>
internal static class ConfigMapEvaluator
{
    public static bool IsConfigMap(string group, string kind) => group.Length == 0 && kind == "ConfigMap";

    /// <summary>
    /// What the ConfigMap's variables call, as a pod's evaluation (no links, made by no controller),
    /// or null and a message when the object cannot be read as a ConfigMap.
    /// </summary>
    public static PodEvaluation? Evaluate(JsonElement obj, string namespaceName, IProjectCatalog catalog, out string? error)
    {
        if (ObjectShapeReader.ReadMetadata(obj, out var metadataError) is not { } metadata)
        {
            error = $"the object cannot be read as a ConfigMap: {metadataError}";
            return null;
        }
        if (obj.TryGetProperty("data"u8, out var data) && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            error = "the object cannot be read as a ConfigMap: data is not an object";
            return null;
        }
        error = null;
        var mode = PolicyModes.Of(catalog.FindNamespace(namespaceName));
        var count = 0;
        var findings = mode == PolicyMode.Off
            ? []
            : PublicUrlChecker.Check(Variables(data), PublicUrlExemptions.ParseAllowed(metadata.Annotation(StackBlazeAnnotations.AllowPublicUrls)),
                namespaceName, catalog, ReviewLimits.MaxFindingsKept, out count);
        return new PodEvaluation([], [], findings, mode) { FindingCount = count };
    }

    // One value at a time, and only those that may hold an address made strings: a ConfigMap of a MiB is never copied whole.
    private static IEnumerable<ConfigValue> Variables(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var entry in data.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.String && EnvFromKeys.IsVariable(entry.Name) && AddressScanner.MayHoldAddress(entry.Value))
            {
                yield return new ConfigValue(null, $"key {BoundedText.Quote(entry.Name)}", entry.Name, entry.Value.GetString()!, FromConfigMap: true);
            }
        }
    }
}
