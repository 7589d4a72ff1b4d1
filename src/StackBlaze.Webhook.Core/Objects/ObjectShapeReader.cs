using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.Json;
using StackBlaze.Webhook.Core.Bindings;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>
/// Reads the few fields the webhook needs straight from the JSON the API server sent,
/// without binding whole objects: a 64 KB pod costs a walk, not a copy.
/// </summary>
internal static class ObjectShapeReader
{
    private const string OurPrefix = "stackblaze.io/";
    private static ReadOnlySpan<byte> OurPrefixUtf8 => "stackblaze.io/"u8;
    private static ReadOnlySpan<byte> BindingFileInfixUtf8 => ".bindings.stackblaze.io/"u8;

    /// <summary>Reads <c>metadata</c> of <paramref name="obj"/>; null and a message when it is not shaped as Kubernetes shapes it.</summary>
    public static MetadataShape? ReadMetadata(JsonElement obj, out string? error)
    {
        error = null;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            error = "the object is not a JSON object";
            return null;
        }
        if (!TryGetObject(obj, "metadata"u8, "metadata", out var metadata, ref error))
        {
            return null;
        }
        if (metadata is not { } meta)
        {
            return new MetadataShape(false, false, FrozenDictionary<string, string>.Empty, obj);
        }
        if (!TryGetObject(meta, "annotations"u8, "metadata.annotations", out var annotations, ref error))
        {
            return null;
        }
        if (annotations is not { } map)
        {
            return new MetadataShape(true, false, FrozenDictionary<string, string>.Empty, obj);
        }

        Dictionary<string, string>? ours = null;
        var bindingFiles = false;
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                error = $"metadata.annotations[\"{property.Name}\"] is not a string";
                return null;
            }
            if (IsOurs(property))
            {
                // A plain dictionary: it lives for one request, and a frozen one costs more to build than it saves.
                ours ??= new Dictionary<string, string>(StringComparer.Ordinal);
                ours[property.Name] = property.Value.GetString()!;
            }
            else
            {
                bindingFiles = bindingFiles || IsBindingFile(property);
            }
        }
        return new MetadataShape(true, true, (IReadOnlyDictionary<string, string>?)ours ?? FrozenDictionary<string, string>.Empty, obj) { HasBindingFiles = bindingFiles };
    }

    // Compared in the request's bytes: the name is made a string only when it is ours, or escaped.
    private static bool IsOurs(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.StartsWith(OurPrefixUtf8)
            || (raw.Contains((byte)'\\') && property.Name.StartsWith(OurPrefix, StringComparison.Ordinal));
    }

    // A binding's file, which the webhook takes back when the pod no longer asks for bindings: found in the bytes, as ours are.
    private static bool IsBindingFile(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf(BindingFileInfixUtf8) > 0
            || (raw.Contains((byte)'\\') && BindingLayout.IsFileAnnotation(property.Name));
    }

    /// <summary>Reads a pod (or pod template): its metadata, its containers and their env names, once per review.</summary>
    public static PodShape? ReadPod(JsonElement pod, out string? error)
    {
        error = null;
        if (pod.ValueKind != JsonValueKind.Object)
        {
            error = "the object is not a JSON object";
            return null;
        }
        var metadata = ReadMetadata(pod, out error);
        if (metadata is null)
        {
            return null;
        }
        if (!TryGetObject(pod, "spec"u8, "spec", out var spec, ref error))
        {
            return null;
        }
        if (spec is not { } podSpec)
        {
            error = "spec is missing";
            return null;
        }
        var containers = ReadContainers(podSpec, "containers", ref error);
        var initContainers = ReadContainers(podSpec, "initContainers", ref error);
        var ephemeralContainers = ReadContainers(podSpec, "ephemeralContainers", ref error);
        if (containers is null || initContainers is null || ephemeralContainers is null)
        {
            return null;
        }
        if (containers.Count == 0)
        {
            error = "spec.containers is missing or empty";
            return null;
        }
        var dnsPolicy = podSpec.TryGetProperty("dnsPolicy"u8, out var policy) && policy.ValueKind == JsonValueKind.String ? policy.GetString() : null;
        return new PodShape(metadata, containers, initContainers, ephemeralContainers, dnsPolicy);
    }

    private static IReadOnlyList<ContainerShape>? ReadContainers(JsonElement spec, string field, ref string? error)
    {
        if (!spec.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<ContainerShape>();
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            error = $"spec.{field} is not an array";
            return null;
        }

        var containers = new List<ContainerShape>(list.GetArrayLength());
        // Where a container stands, for messages: made only for a message.
        string At() => $"spec.{field}[{containers.Count}]";
        foreach (var container in list.EnumerateArray())
        {
            if (container.ValueKind != JsonValueKind.Object)
            {
                error = $"{At()} is not an object";
                return null;
            }
            var name = container.TryGetProperty("name"u8, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            JsonElement? envList = null;
            if (container.TryGetProperty("env"u8, out var env) && env.ValueKind != JsonValueKind.Null)
            {
                if (env.ValueKind != JsonValueKind.Array)
                {
                    error = $"{At()}.env is not an array";
                    return null;
                }
                envList = env;
                foreach (var variable in env.EnumerateArray())
                {
                    if (variable.ValueKind != JsonValueKind.Object
                        || !variable.TryGetProperty("name"u8, out var varName)
                        || varName.ValueKind != JsonValueKind.String)
                    {
                        error = $"{At()}.env has an entry without a name";
                        return null;
                    }
                }
            }
            containers.Add(new ContainerShape(name, envList, container));
        }
        return containers;
    }

    /// <summary>False (with a message) when the field is present but not an object; true with null when absent.</summary>
    private static bool TryGetObject(JsonElement parent, ReadOnlySpan<byte> field, string path, out JsonElement? value, ref string? error)
    {
        value = null;
        if (!parent.TryGetProperty(field, out var found) || found.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (found.ValueKind != JsonValueKind.Object)
        {
            error = $"{path} is not an object";
            return false;
        }
        value = found;
        return true;
    }
}
