using System.Text.Json;
using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Limits;

namespace StackBlaze.Webhook.Policy;

/// <summary>
/// Every value a pod's containers are configured with that may hold an address: env values,
/// ConfigMap keys they take (one by one, or whole with a prefix: then the keys that are variables,
/// <see cref="EnvFromKeys"/>), command and args. Secrets are
/// never read. A value without a dot names no public host, and most values (ports, flags, words)
/// have none: those are passed over in the request's bytes, without a string made for them.
/// ConfigMap keys are read as the catalog keeps them: their addresses only. Values come one at a
/// time, so a pod of a hundred thousand values never holds them all at once.
/// </summary>
public static class ContainerConfigReader
{
    // Ephemeral containers too: kubectl debug adds them to a running pod, with env, command and args of their own.
    private static readonly byte[][] ContainerLists = ["initContainers"u8.ToArray(), "containers"u8.ToArray(), "ephemeralContainers"u8.ToArray()];
    private static readonly (string Name, byte[] Utf8)[] ArgumentLists = [("command", "command"u8.ToArray()), ("args", "args"u8.ToArray())];

    /// <summary>The values, saying nothing of what could not be checked.</summary>
    /// <param name="pod">The pod or pod template, already read as a pod.</param>
    /// <param name="namespaceName">Where its ConfigMaps are.</param>
    /// <param name="catalog">The ConfigMaps it may refer to.</param>
    /// <param name="notChecked">
    /// Told, once each, what of the ConfigMaps it takes the catalog did not keep in whole: those
    /// parts cannot be checked, and passing them in silence would let a large value hide a public URL.
    /// </param>
    /// <param name="notKnown">
    /// Told, once each, of the ConfigMaps it takes that the catalog does not have: applying a
    /// workload before its ConfigMap is normal, and the ConfigMap is checked itself when created,
    /// so this is worth a warning, never a refusal.
    /// </param>
    public static IEnumerable<ConfigValue> Read(
        JsonElement pod, string namespaceName, IProjectCatalog catalog, Action<string>? notChecked = null, Action<string>? notKnown = null)
    {
        if (!pod.TryGetProperty("spec"u8, out var spec) || spec.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        // What was said of ConfigMaps not checked, so that every container taking the same one does not say it again.
        List<string>? said = null;
        foreach (var list in ContainerLists)
        {
            foreach (var container in Array(spec, list))
            {
                if (container.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                string? name = null;
                foreach (var variable in Array(container, "env"u8))
                {
                    if (Field(variable, "name"u8, JsonValueKind.String) is not { } variableName)
                    {
                        continue;
                    }
                    if (Field(variable, "value"u8, JsonValueKind.String) is { } value)
                    {
                        if (AddressScanner.MayHoldAddress(value))
                        {
                            var text = variableName.GetString()!;
                            yield return new ConfigValue(name ??= ContainerName(container), text, text, value.GetString()!);
                        }
                    }
                    else if (Field(Field(variable, "valueFrom"u8, JsonValueKind.Object), "configMapKeyRef"u8, JsonValueKind.Object) is { } reference
                        && Field(reference, "name"u8, JsonValueKind.String)?.GetString() is { } mapName
                        && Field(reference, "key"u8, JsonValueKind.String)?.GetString() is { } key)
                    {
                        if (catalog.FindConfigMap(namespaceName, mapName) is not { } configMap)
                        {
                            Note(NotKnown(mapName), notKnown, ref said);
                        }
                        else if (configMap.Values.GetValueOrDefault(key) is { } referenced)
                        {
                            var text = variableName.GetString()!;
                            yield return new ConfigValue(name ??= ContainerName(container), $"{text} (ConfigMap {mapName} key {key})", text, referenced.Addresses, FromConfigMap: true);
                            NoteIfCut(mapName, key, referenced, notChecked, ref said);
                        }
                        else if (configMap.IsPartial)
                        {
                            Note($"ConfigMap {mapName} key {key} was not checked: {PartialReason}", notChecked, ref said);
                        }
                    }
                }
                foreach (var source in Array(container, "envFrom"u8))
                {
                    if (Field(Field(source, "configMapRef"u8, JsonValueKind.Object), "name"u8, JsonValueKind.String)?.GetString() is not { } mapName)
                    {
                        continue;
                    }
                    if (catalog.FindConfigMap(namespaceName, mapName) is not { } configMap)
                    {
                        Note(NotKnown(mapName), notKnown, ref said);
                        continue;
                    }
                    var prefix = Field(source, "prefix"u8, JsonValueKind.String)?.GetString() ?? "";
                    foreach (var (key, value) in configMap.Values)
                    {
                        // A file key is passed over here as when the ConfigMap itself is checked: the two never disagree.
                        if (!EnvFromKeys.IsVariable(prefix + key))
                        {
                            continue;
                        }
                        yield return new ConfigValue(name ??= ContainerName(container), $"{prefix}{key} (ConfigMap {mapName})", prefix + key, value.Addresses, FromConfigMap: true);
                        NoteIfCut(mapName, key, value, notChecked, ref said);
                    }
                    if (configMap.IsPartial)
                    {
                        Note($"ConfigMap {mapName} was checked only in part: {PartialReason}", notChecked, ref said);
                    }
                }
                foreach (var field in ArgumentLists)
                {
                    var index = 0;
                    foreach (var argument in Array(container, field.Utf8))
                    {
                        if (argument.ValueKind == JsonValueKind.String && AddressScanner.MayHoldAddress(argument))
                        {
                            yield return new ConfigValue(name ??= ContainerName(container), $"{field.Name}[{index}]", null, argument.GetString()!);
                        }
                        index++;
                    }
                }
            }
        }
    }

    private static readonly string PartialReason =
        $"this namespace's ConfigMaps hold more addresses than the webhook keeps ({ConfigMapLimits.BytesPerNamespace / 1024} KiB)";

    // Said of optional references too: the ConfigMap may well be created later, and then its values reach the pod.
    private static string NotKnown(string mapName) =>
        $"ConfigMap {BoundedText.Quote(mapName)} is not known to the webhook yet, so its values were not checked for public URLs; "
        + "the ConfigMap is checked itself when it is created or changed";

    private static void NoteIfCut(string mapName, string key, ConfigMapValue value, Action<string>? notChecked, ref List<string>? said)
    {
        if (value.IsCut)
        {
            Note($"ConfigMap {mapName} key {key} holds more addresses than the webhook keeps "
                + $"({ConfigMapLimits.AddressesPerValue}, or {ConfigMapLimits.BytesPerValue / 1024} KiB); only the first {value.Count} were checked", notChecked, ref said);
        }
    }

    // Once: every container of a pod may take the same ConfigMap, and the same line said again tells nothing.
    private static void Note(string text, Action<string>? notChecked, ref List<string>? said)
    {
        if (notChecked is not null && said?.Contains(text, StringComparer.Ordinal) != true)
        {
            (said ??= []).Add(text);
            notChecked(text);
        }
    }

    private static string ContainerName(JsonElement container) => Field(container, "name"u8, JsonValueKind.String)?.GetString() ?? "";

    private static JsonElement.ArrayEnumerator Array(JsonElement obj, ReadOnlySpan<byte> field) =>
        Field(obj, field, JsonValueKind.Array) is { } list ? list.EnumerateArray() : default;

    // Names as UTF-8: looked up for every env entry, they are not encoded again each time.
    private static JsonElement? Field(JsonElement? obj, ReadOnlySpan<byte> field, JsonValueKind kind) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == kind ? value : null;
}
