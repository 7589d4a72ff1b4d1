using System.Runtime.InteropServices;
using System.Text.Json;
using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Policy;

/// <summary>
/// Every value a pod's containers are configured with that may hold an address: env values,
/// ConfigMap keys they take (one by one or whole, with a prefix), command and args. Secrets are
/// never read. A value without a dot names no public host, and most values (ports, flags, words)
/// have none: those are passed over in the request's bytes, without a string made for them. Values
/// come one at a time, so a pod of a hundred thousand values never holds them all at once.
/// </summary>
public static class ContainerConfigReader
{
    private static readonly byte[][] ContainerLists = ["initContainers"u8.ToArray(), "containers"u8.ToArray()];
    private static readonly (string Name, byte[] Utf8)[] ArgumentLists = [("command", "command"u8.ToArray()), ("args", "args"u8.ToArray())];

    /// <param name="pod">The pod or pod template, already read as a pod.</param>
    /// <param name="namespaceName">Where its ConfigMaps are.</param>
    /// <param name="catalog">The ConfigMaps it may refer to.</param>
    public static IEnumerable<ConfigValue> Read(JsonElement pod, string namespaceName, IProjectCatalog catalog)
    {
        if (!pod.TryGetProperty("spec"u8, out var spec) || spec.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
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
                        if (MayHoldAddress(value))
                        {
                            var text = variableName.GetString()!;
                            yield return new ConfigValue(name ??= ContainerName(container), text, text, value.GetString()!);
                        }
                    }
                    else if (Field(Field(variable, "valueFrom"u8, JsonValueKind.Object), "configMapKeyRef"u8, JsonValueKind.Object) is { } reference
                        && Field(reference, "name"u8, JsonValueKind.String)?.GetString() is { } mapName
                        && Field(reference, "key"u8, JsonValueKind.String)?.GetString() is { } key
                        && catalog.FindConfigMap(namespaceName, mapName)?.Data.GetValueOrDefault(key) is { } referenced
                        && AddressScanner.MayHoldAddress(referenced))
                    {
                        var text = variableName.GetString()!;
                        yield return new ConfigValue(name ??= ContainerName(container), $"{text} (ConfigMap {mapName} key {key})", text, referenced);
                    }
                }
                foreach (var source in Array(container, "envFrom"u8))
                {
                    if (Field(Field(source, "configMapRef"u8, JsonValueKind.Object), "name"u8, JsonValueKind.String)?.GetString() is not { } mapName
                        || catalog.FindConfigMap(namespaceName, mapName) is not { } configMap)
                    {
                        continue;
                    }
                    var prefix = Field(source, "prefix"u8, JsonValueKind.String)?.GetString() ?? "";
                    foreach (var (key, value) in configMap.Data)
                    {
                        if (AddressScanner.MayHoldAddress(value))
                        {
                            yield return new ConfigValue(name ??= ContainerName(container), $"{prefix}{key} (ConfigMap {mapName})", prefix + key, value);
                        }
                    }
                }
                foreach (var field in ArgumentLists)
                {
                    var index = 0;
                    foreach (var argument in Array(container, field.Utf8))
                    {
                        if (argument.ValueKind == JsonValueKind.String && MayHoldAddress(argument))
                        {
                            yield return new ConfigValue(name ??= ContainerName(container), $"{field.Name}[{index}]", null, argument.GetString()!);
                        }
                        index++;
                    }
                }
            }
        }
    }

    // The raw bytes of a string, with its escapes: an escaped dot (\u002e) is one too, so any escape is read in full.
    private static bool MayHoldAddress(JsonElement value) =>
        JsonMarshal.GetRawUtf8Value(value).IndexOfAny((byte)'.', (byte)'\\') >= 0;

    private static string ContainerName(JsonElement container) => Field(container, "name"u8, JsonValueKind.String)?.GetString() ?? "";

    private static JsonElement.ArrayEnumerator Array(JsonElement obj, ReadOnlySpan<byte> field) =>
        Field(obj, field, JsonValueKind.Array) is { } list ? list.EnumerateArray() : default;

    // Names as UTF-8: looked up for every env entry, they are not encoded again each time.
    private static JsonElement? Field(JsonElement? obj, ReadOnlySpan<byte> field, JsonValueKind kind) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == kind ? value : null;
}
