using System.Text.Json;
using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Policy;

/// <summary>
/// Every value a pod's containers are configured with: env values, ConfigMap keys they take
/// (one by one or whole, with a prefix), command and args. Secrets are never read.
/// </summary>
public static class ContainerConfigReader
{
    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    /// <param name="pod">The pod or pod template, already read as a pod.</param>
    /// <param name="namespaceName">Where its ConfigMaps are.</param>
    /// <param name="catalog">The ConfigMaps it may refer to.</param>
    public static IEnumerable<ConfigValue> Read(JsonElement pod, string namespaceName, IProjectCatalog catalog)
    {
        if (!pod.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var list in ContainerLists)
        {
            if (!spec.TryGetProperty(list, out var containers) || containers.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var container in containers.EnumerateArray())
            {
                if (container.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var name = String(container, "name") ?? "";
                foreach (var value in Env(container, name, namespaceName, catalog)
                    .Concat(EnvFrom(container, name, namespaceName, catalog))
                    .Concat(Arguments(container, name, "command"))
                    .Concat(Arguments(container, name, "args")))
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<ConfigValue> Env(JsonElement container, string name, string ns, IProjectCatalog catalog)
    {
        foreach (var variable in Array(container, "env"))
        {
            if (String(variable, "name") is not { } variableName)
            {
                continue;
            }
            if (String(variable, "value") is { } value)
            {
                yield return new ConfigValue(name, variableName, variableName, value);
            }
            else if (Object(Object(variable, "valueFrom"), "configMapKeyRef") is { } reference
                && String(reference, "name") is { } mapName
                && String(reference, "key") is { } key
                && catalog.FindConfigMap(ns, mapName)?.Data.GetValueOrDefault(key) is { } referenced)
            {
                yield return new ConfigValue(name, $"{variableName} (ConfigMap {mapName} key {key})", variableName, referenced);
            }
        }
    }

    private static IEnumerable<ConfigValue> EnvFrom(JsonElement container, string name, string ns, IProjectCatalog catalog)
    {
        foreach (var source in Array(container, "envFrom"))
        {
            if (Object(source, "configMapRef") is not { } reference
                || String(reference, "name") is not { } mapName
                || catalog.FindConfigMap(ns, mapName) is not { } configMap)
            {
                continue;
            }
            var prefix = String(source, "prefix") ?? "";
            foreach (var (key, value) in configMap.Data)
            {
                yield return new ConfigValue(name, $"{prefix}{key} (ConfigMap {mapName})", prefix + key, value);
            }
        }
    }

    private static IEnumerable<ConfigValue> Arguments(JsonElement container, string name, string field)
    {
        var index = 0;
        foreach (var argument in Array(container, field))
        {
            if (argument.ValueKind == JsonValueKind.String)
            {
                yield return new ConfigValue(name, $"{field}[{index}]", null, argument.GetString()!);
            }
            index++;
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement obj, string field) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static JsonElement? Object(JsonElement? obj, string field) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement? obj, string field) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
