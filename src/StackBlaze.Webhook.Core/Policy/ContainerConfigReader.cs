using System.Text;
using System.Text.Json;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Every value a pod's containers are configured with that may hold an address: env values,
/// ConfigMap keys they take (one by one, or whole with a prefix: then the keys that are variables,
/// <see cref="EnvFromKeys"/>), command and args. Secrets are
/// never read. A value without a dot names no public host, and most values (ports, flags, words)
/// have none: those are passed over in the request's bytes, without a string made for them.
/// ConfigMap keys are read as the catalog keeps them: their addresses only. Values come one at a
/// time, so a pod of a hundred thousand values never holds them all at once.
/// </summary>
internal static class ContainerConfigReader
{
    // Exec hooks and probes run inside the container as command and args do; the kubelet expands $(NAME) in probes' commands too.
    private static readonly (string Name, byte[][] Path)[] ArgumentLists =
        [.. new[]
        {
            "command", "args", "lifecycle.postStart.exec.command", "lifecycle.preStop.exec.command",
            "livenessProbe.exec.command", "readinessProbe.exec.command", "startupProbe.exec.command",
        }.Select(name => (name, name.Split('.').Select(Encoding.UTF8.GetBytes).ToArray()))];

    // The Downward API's subscripted paths, written with single quotes only, as the API server accepts them.
    private static readonly (string Prefix, byte[] Field, string Source)[] DownwardMaps =
        [("metadata.annotations['", "annotations"u8.ToArray(), "annotation"), ("metadata.labels['", "labels"u8.ToArray(), "label")];

    /// <summary>The values, saying nothing of what could not be checked.</summary>
    /// <param name="pod">The pod or pod template, as read once for the review.</param>
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
        PodShape pod, string namespaceName, IProjectCatalog catalog, Action<string>? notChecked = null, Action<string>? notKnown = null)
    {
        var metadata = pod.Metadata.Json;
        VariableExpansion? expansion = null;
        // What was said of ConfigMaps not checked, so that every container taking the same one does not say it again.
        List<string>? said = null;
        // Ephemeral containers too: kubectl debug adds them to a running pod, with env, command and args of their own.
        foreach (var list in (IReadOnlyList<ContainerShape>[])[pod.InitContainers, pod.Containers, pod.EphemeralContainers])
        {
            foreach (var shape in list)
            {
                var (name, container) = (shape.Name, shape.Json);
                // Whether this container's variables are being kept for $(NAME): only once a value refers to one.
                var expanding = false;
                var position = 0;
                foreach (var variable in shape.Env?.EnumerateArray() ?? default)
                {
                    position++;
                    var variableName = variable.GetProperty("name"u8);
                    if (Field(variable, "value"u8, JsonValueKind.String) is { } value)
                    {
                        if (!expanding && VariableExpansion.HasReference(value))
                        {
                            expanding = true;
                            DefineEarlier(expansion ??= new(), container, metadata, position - 1);
                        }
                        if (expanding || AddressScanner.MayHoldAddress(value))
                        {
                            var text = variableName.GetString()!;
                            var (subject, seen) = Expand(text, value.GetString()!, expanding ? expansion : null, notChecked, ref said);
                            if (expanding)
                            {
                                expansion!.Define(text, seen);
                            }
                            if (AddressScanner.MayHoldAddress(seen))
                            {
                                yield return new ConfigValue(name, subject, text, seen);
                            }
                        }
                    }
                    else if (DownwardValue(variable, metadata) is { } downward)
                    {
                        var text = variableName.GetString()!;
                        if (expanding)
                        {
                            expansion!.Define(text, downward.Value);
                        }
                        if (AddressScanner.MayHoldAddress(downward.Value))
                        {
                            yield return new ConfigValue(name, $"{text} ({downward.Source})", text, downward.Value);
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
                            yield return new ConfigValue(name, $"{text} (ConfigMap {mapName} key {key})", text, referenced.Addresses, FromConfigMap: true);
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
                        var exported = prefix + key;
                        // A file key is passed over here as when the ConfigMap itself is checked: the two never disagree.
                        if (!EnvFromKeys.IsVariable(exported))
                        {
                            continue;
                        }
                        yield return new ConfigValue(name, $"{exported} (ConfigMap {mapName})", exported, value.Addresses, FromConfigMap: true);
                        NoteIfCut(mapName, key, value, notChecked, ref said);
                    }
                    if (configMap.IsPartial)
                    {
                        Note($"ConfigMap {mapName} was checked only in part: {PartialReason}", notChecked, ref said);
                    }
                }
                foreach (var (field, path) in ArgumentLists)
                {
                    var index = 0;
                    foreach (var argument in Array(container, path))
                    {
                        if (argument.ValueKind == JsonValueKind.String)
                        {
                            if (!expanding && VariableExpansion.HasReference(argument))
                            {
                                expanding = true;
                                DefineEarlier(expansion ??= new(), container, metadata, int.MaxValue);
                            }
                            if (AddressScanner.MayHoldAddress(argument) || (expanding && VariableExpansion.HasReference(argument)))
                            {
                                var (subject, seen) = Expand($"{field}[{index}]", argument.GetString()!, expanding ? expansion : null, notChecked, ref said);
                                if (AddressScanner.MayHoldAddress(seen))
                                {
                                    yield return new ConfigValue(name, subject, null, seen);
                                }
                            }
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

    // The variables before a container's first reference, which has no reference before it to expand.
    private static void DefineEarlier(VariableExpansion expansion, JsonElement container, JsonElement? metadata, int count)
    {
        expansion.StartContainer();
        foreach (var variable in Array(container, "env"u8).Take(count))
        {
            if (Field(variable, "name"u8, JsonValueKind.String)?.GetString() is not { } name)
            {
                continue;
            }
            if ((Field(variable, "value"u8, JsonValueKind.String)?.GetString() ?? DownwardValue(variable, metadata)?.Value) is { } value)
            {
                expansion.Define(name, value);
            }
        }
    }

    // A reference the pod's bound left unexpanded, or a value cut, is said once: checked as written or in part, not passed as clean.
    private static (string Subject, string Value) Expand(
        string subject, string written, VariableExpansion? expansion, Action<string>? notChecked, ref List<string>? said)
    {
        if (expansion is null || !VariableExpansion.HasReference(written))
        {
            return (subject, written);
        }
        if (expansion.Expand(written, out var names, out var cut) is not { } expanded)
        {
            Note($"$(NAME) references past the first {VariableExpansion.MaxPodLength / 1024} KiB of expanded text were not expanded; "
                + "those values were checked as written", notChecked, ref said);
            return (subject, written);
        }
        if (cut)
        {
            Note($"{BoundedText.Quote(subject)} expands past {VariableExpansion.MaxValueLength / 1024} KiB; only its first "
                + $"{VariableExpansion.MaxValueLength / 1024} KiB were checked", notChecked, ref said);
        }
        if (names.Count == 0)
        {
            return (subject, expanded);
        }
        var shown = names.Distinct(StringComparer.Ordinal).Select(n => $"$({BoundedText.Quote(n)})").ToList();
        return ($"{subject} (with {BoundedText.Join(", ", shown, ReviewLimits.MaxNamesListed)} expanded)", expanded);
    }

    /// <summary>The pod's own annotation or label an env entry takes through <c>fieldRef</c>, and which it is.</summary>
    private static (string Source, string Value)? DownwardValue(JsonElement variable, JsonElement? metadata)
    {
        if (Field(Field(Field(variable, "valueFrom"u8, JsonValueKind.Object), "fieldRef"u8, JsonValueKind.Object), "fieldPath"u8, JsonValueKind.String)?.GetString() is not { } path)
        {
            return null;
        }
        foreach (var (prefix, field, source) in DownwardMaps)
        {
            if (path.Length >= prefix.Length + 2 && path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal)
                && Field(metadata, field, JsonValueKind.Object) is { } map
                && map.TryGetProperty(path[prefix.Length..^2], out var value) && value.ValueKind == JsonValueKind.String)
            {
                return ($"{source} {BoundedText.Quote(path[prefix.Length..^2])}", value.GetString()!);
            }
        }
        return null;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement obj, ReadOnlySpan<byte> field) =>
        Field(obj, field, JsonValueKind.Array) is { } list ? list.EnumerateArray() : default;

    // An index, not path[..^1]: a range of an array is a new array, and this runs for every container of every review.
    private static JsonElement.ArrayEnumerator Array(JsonElement obj, byte[][] path)
    {
        JsonElement? at = obj;
        for (var i = 0; i < path.Length - 1; i++)
        {
            at = Field(at, path[i], JsonValueKind.Object);
        }
        return at is { } parent ? Array(parent, path[^1]) : default;
    }

    // Names as UTF-8: looked up for every env entry, they are not encoded again each time.
    private static JsonElement? Field(JsonElement? obj, ReadOnlySpan<byte> field, JsonValueKind kind) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var value) && value.ValueKind == kind ? value : null;
}
