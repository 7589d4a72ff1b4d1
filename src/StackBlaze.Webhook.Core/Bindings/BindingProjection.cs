using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// Brings one pod's bindings in line with what its links give now: the files' annotations, the
/// projected volume and a read-only mount in every container in scope, added, refreshed, or
/// taken back when the pod no longer asks for them. Everything it reads and counts is read first,
/// so that a pod past a limit, or one whose container cannot take the mount, is refused before a
/// single operation is made.
/// </summary>
internal sealed class BindingProjection
{
    // A mount's JSON and its operation around the path it is mounted at, about.
    private const int MountBytes = 120;

    private readonly PodShape _pod;
    private readonly ServiceBindings? _wanted;
    private readonly string _basePath;
    private readonly string?[] _initRoots;
    private readonly string?[] _roots;

    private BindingProjection(PodShape pod, ServiceBindings? wanted, string basePath, string?[] initRoots, string?[] roots, List<string> errors)
    {
        _pod = pod;
        _wanted = wanted;
        _basePath = basePath;
        _initRoots = initRoots;
        _roots = roots;
        Errors = errors;
        PatchBytes = (wanted?.PatchBytes ?? 0) + initRoots.Concat(roots).Sum(root => root is null ? 0 : MountBytes + root.Length);
    }

    /// <summary>Why the pod cannot take its bindings; it must then be denied.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>What the bindings add to the patch, about: the annotations, the volume and every mount.</summary>
    public long PatchBytes { get; }

    /// <param name="pod">The pod.</param>
    /// <param name="wanted">The bindings its links give, or null when it asks for none (or has no link).</param>
    /// <param name="scope">The containers that get them.</param>
    /// <param name="record">Whether <c>SERVICE_BINDING_ROOT</c> is the webhook's or the container's.</param>
    /// <param name="basePath">Where the pod stands in the patched document.</param>
    public static BindingProjection Read(PodShape pod, ServiceBindings? wanted, ContainerScope scope, InjectionRecord record, string basePath)
    {
        var errors = new List<string>();
        var initRoots = RootsOf(pod.InitContainers, "initContainers", wanted, scope, record, errors);
        var roots = RootsOf(pod.Containers, "containers", wanted, scope, record, errors);
        if (pod.Spec.TryGetProperty("volumes"u8, out var volumes) && volumes.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            errors.Add("spec.volumes is not an array");
        }
        return new BindingProjection(pod, wanted, basePath, initRoots, roots, errors);
    }

    /// <summary>Where each container's bindings are mounted, or null for one that gets none; the reasons a container cannot take them go to <paramref name="errors"/>.</summary>
    private static string?[] RootsOf(
        IReadOnlyList<ContainerShape> containers, string list, ServiceBindings? wanted, ContainerScope scope, InjectionRecord record, List<string> errors)
    {
        var roots = new string?[containers.Count];
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var mounts = MountsOf(container);
            if (mounts is { ValueKind: not JsonValueKind.Array })
            {
                errors.Add($"spec.{list}[{i}].volumeMounts is not an array");
                continue;
            }
            if (wanted is null || !scope.Includes(container))
            {
                continue;
            }
            var root = BindingRoot.Of(container, record, out var error);
            if (root is null)
            {
                errors.Add(error!);
                continue;
            }
            // The API server refuses two mounts at one path; the container's own is not moved.
            if (mounts is { } array && array.EnumerateArray().FirstOrDefault(m => !IsOurs(m) && StringOf(m, "mountPath"u8) == root) is { ValueKind: JsonValueKind.Object } taken)
            {
                errors.Add($"container \"{BoundedText.Quote(container.Name)}\" already mounts volume \"{BoundedText.Quote(StringOf(taken, "name"u8) ?? "")}\" at {BoundedText.Quote(root)}, where its bindings go; "
                    + $"set {BindingLayout.RootVariable} in the container to another path, or leave it out of {StackBlazeAnnotations.Containers}");
                continue;
            }
            roots[i] = root;
        }
        return roots;
    }

    /// <summary>Adds the operations, once <see cref="Errors"/> and <see cref="PatchBytes"/> allowed them.</summary>
    public void AddOperations(List<JsonPatchOperation> patch)
    {
        AddAnnotationOperations(patch);
        AddVolumeOperations(patch);
        AddMountOperations(patch, _pod.InitContainers, "initContainers", _initRoots);
        AddMountOperations(patch, _pod.Containers, "containers", _roots);
    }

    private void AddAnnotationOperations(List<JsonPatchOperation> patch)
    {
        var metadata = _pod.Metadata;
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.HasBindingFiles && metadata.Json.TryGetProperty("annotations"u8, out var annotations))
        {
            foreach (var annotation in annotations.EnumerateObject().Where(a => BindingLayout.IsFileAnnotation(a.Name)))
            {
                existing[annotation.Name] = annotation.Value.GetString()!;
            }
        }
        var wanted = _wanted?.Files ?? [];
        var annotationsPath = $"{_basePath}/metadata/annotations";
        var kept = wanted.Select(f => f.AnnotationKey).ToHashSet(StringComparer.Ordinal);
        patch.AddRange(existing.Keys.Where(key => !kept.Contains(key)).Select(key => JsonPatchOperation.Remove(JsonPointer.Append(annotationsPath, key))));
        patch.AddRange(wanted
            .Where(f => existing.TryGetValue(f.AnnotationKey, out var value) && value != f.Content)
            .Select(f => JsonPatchOperation.Replace(JsonPointer.Append(annotationsPath, f.AnnotationKey), f.Content)));
        KeyValuePair<string, string>[] added = [.. wanted.Where(f => !existing.ContainsKey(f.AnnotationKey)).Select(f => KeyValuePair.Create(f.AnnotationKey, f.Content))];
        if (added.Length > 0)
        {
            patch.AddRange(AnnotationPatch.Add(metadata, _basePath, added));
        }
    }

    private void AddVolumeOperations(List<JsonPatchOperation> patch)
    {
        var path = $"{_basePath}/spec/volumes";
        if (!_pod.Spec.TryGetProperty("volumes"u8, out var volumes) || volumes.ValueKind == JsonValueKind.Null)
        {
            if (_wanted is not null)
            {
                patch.Add(JsonPatchOperation.Add(path, new JsonArray(JsonNode.Parse(_wanted.VolumeJson.Span))));
            }
            return;
        }
        var ours = IndicesOfOurs(volumes);
        if (_wanted is null)
        {
            RemoveAll(patch, path, volumes, ours);
            return;
        }
        if (ours.Count == 0)
        {
            patch.Add(JsonPatchOperation.AddJson($"{path}/-", _wanted.VolumeJson));
            return;
        }
        if (!JsonElement.DeepEquals(volumes[ours[0]], JsonElement.Parse(_wanted.VolumeJson.Span)))
        {
            patch.Add(JsonPatchOperation.ReplaceJson(JsonPointer.Append(path, ours[0]), _wanted.VolumeJson));
        }
        RemoveAll(patch, path, volumes, ours[1..]);
    }

    private void AddMountOperations(List<JsonPatchOperation> patch, IReadOnlyList<ContainerShape> containers, string list, string?[] roots)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            var path = $"{_basePath}/spec/{list}/{i}/volumeMounts";
            var root = roots[i];
            if (MountsOf(containers[i]) is not { } mounts)
            {
                if (root is not null)
                {
                    patch.Add(JsonPatchOperation.Add(path, new JsonArray(Mount(root))));
                }
                continue;
            }
            var ours = IndicesOfOurs(mounts);
            if (root is null)
            {
                RemoveAll(patch, path, mounts, ours);
                continue;
            }
            if (ours.Count == 0)
            {
                patch.Add(JsonPatchOperation.Add($"{path}/-", Mount(root)));
                continue;
            }
            if (!IsMountAt(mounts[ours[0]], root))
            {
                patch.Add(JsonPatchOperation.Replace(JsonPointer.Append(path, ours[0]), Mount(root)));
            }
            RemoveAll(patch, path, mounts, ours[1..]);
        }
    }

    private static JsonObject Mount(string root) => new()
    {
        ["name"] = BindingLayout.VolumeName,
        ["mountPath"] = root,
        ["readOnly"] = true,
    };

    // Exactly the mount the webhook writes: a subPath or a writable mount of the volume is put back.
    private static bool IsMountAt(JsonElement mount, string root) =>
        mount.GetPropertyCount() == 3
        && StringOf(mount, "mountPath"u8) == root
        && mount.TryGetProperty("readOnly"u8, out var readOnly) && readOnly.ValueKind == JsonValueKind.True;

    /// <summary>Removes the entries at <paramref name="indices"/>, last first, so that each index still holds; the list itself when they are all it has.</summary>
    private static void RemoveAll(List<JsonPatchOperation> patch, string path, JsonElement list, List<int> indices)
    {
        if (indices.Count > 0 && indices.Count == list.GetArrayLength())
        {
            patch.Add(JsonPatchOperation.Remove(path));
            return;
        }
        patch.AddRange(indices.OrderDescending().Select(index => JsonPatchOperation.Remove(JsonPointer.Append(path, index))));
    }

    /// <summary>Where the entries named <see cref="BindingLayout.VolumeName"/> stand in a list of volumes or mounts.</summary>
    private static List<int> IndicesOfOurs(JsonElement list)
    {
        var indices = new List<int>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (IsOurs(entry))
            {
                indices.Add(index);
            }
            index++;
        }
        return indices;
    }

    private static bool IsOurs(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name"u8, out var name)
        && name.ValueKind == JsonValueKind.String && name.ValueEquals(BindingLayout.VolumeName);

    private static string? StringOf(JsonElement entry, ReadOnlySpan<byte> property) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? MountsOf(ContainerShape container) =>
        container.Json.TryGetProperty("volumeMounts"u8, out var mounts) && mounts.ValueKind != JsonValueKind.Null ? mounts : null;
}
