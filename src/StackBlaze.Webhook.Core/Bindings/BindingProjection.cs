using System.Buffers;
using System.Text;
using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// Brings one pod's bindings in line with what its links give now: the files' annotations, a
/// projected volume a binding, and in every container in scope a read-only mount of each at
/// <c>$SERVICE_BINDING_ROOT/&lt;service&gt;</c>; added, refreshed, or taken back when the pod no
/// longer asks for them. Everything it reads and counts is read first, so that a pod past a limit,
/// or a container that cannot take the mounts, is refused before a single operation is made.
/// </summary>
internal sealed class BindingProjection
{
    // A mount's JSON and its operation around its names and path, about.
    private const int MountBytes = 120;

    private static readonly OwnedEntries<ServiceBinding> Volumes =
        new(b => b.VolumeName, (entry, b) => JsonElement.DeepEquals(entry, JsonElement.Parse(b.VolumeJson.Span)), b => b.VolumeJson);

    private static readonly OwnedEntries<Mount> Mounts = new(m => m.Volume, (entry, m) => m.IsWrittenAs(entry), m => m.ToJson());

    private readonly PodShape _pod;
    private readonly ServiceBindings? _wanted;
    private readonly string _basePath;
    private readonly Dictionary<string, string> _existing;
    private readonly string[] _removedFiles;
    private readonly string?[] _initRoots;
    private readonly string?[] _roots;

    private BindingProjection(
        PodShape pod, ServiceBindings? wanted, string basePath, Dictionary<string, string> existing, string?[] initRoots, string?[] roots, List<string> errors)
    {
        _pod = pod;
        _wanted = wanted;
        _basePath = basePath;
        _existing = existing;
        // The file annotations no binding wants any more: counted, then taken back.
        var kept = (wanted?.Files ?? []).Select(f => f.AnnotationKey).ToHashSet(StringComparer.Ordinal);
        _removedFiles = [.. existing.Keys.Where(key => !kept.Contains(key))];
        _initRoots = initRoots;
        _roots = roots;
        Errors = errors;
        var bindings = wanted?.Bindings.Count ?? 0;
        PatchBytes = (wanted?.PatchBytes ?? 0) + initRoots.Concat(roots).Where(root => root is not null)
            .Sum(root => (long)bindings * (MountBytes + root!.Length) + wanted!.MountNameBytes)
            + RemovalBytes();
    }

    /// <summary>Why the pod cannot take its bindings; it must then be denied.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>What the bindings add to the patch, about: the annotations, the volumes and every mount.</summary>
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
        return new BindingProjection(pod, wanted, basePath, ExistingFiles(pod.Metadata), initRoots, roots, errors);
    }

    /// <summary>The annotations of bindings' files the pod has, by key.</summary>
    private static Dictionary<string, string> ExistingFiles(MetadataShape metadata)
    {
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.HasBindingFiles && metadata.Json.TryGetProperty("annotations"u8, out var annotations))
        {
            foreach (var annotation in annotations.EnumerateObject().Where(a => BindingLayout.IsFileAnnotation(a.Name)))
            {
                existing[annotation.Name] = annotation.Value.GetString()!;
            }
        }
        return existing;
    }

    /// <summary>
    /// What taking back entries of the webhook's names adds, about: a tenant may write them by the
    /// thousand, one removal each. Beyond the wanted ones at most a list's entries are removed.
    /// </summary>
    private long RemovalBytes()
    {
        var bytes = _removedFiles.Sum(key => ServiceBindings.OperationBytes + _basePath.Length + 2L * Encoding.UTF8.GetByteCount(key));
        var bindings = _wanted?.Bindings.Count ?? 0;
        bytes += Removed(ListOf(_pod.Spec, "volumes"u8), bindings);
        bytes += _pod.InitContainers.Select((c, i) => Removed(MountsOf(c), _initRoots[i] is null ? 0 : bindings)).Sum();
        bytes += _pod.Containers.Select((c, i) => Removed(MountsOf(c), _roots[i] is null ? 0 : bindings)).Sum();
        return bytes;

        long Removed(JsonElement? list, int wanted) =>
            Math.Max(0, OwnedEntries<ServiceBinding>.CountOwned(list) - wanted) * (ServiceBindings.OperationBytes + _basePath.Length + MountBytes);
    }

    /// <summary>Where each container's bindings go, or null for one that gets none; the reasons a container cannot take them go to <paramref name="errors"/>.</summary>
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
            if (mounts is { } array && TakenPath(array, root, wanted) is { } taken)
            {
                errors.Add($"container \"{BoundedText.Quote(container.Name)}\" already mounts volume \"{BoundedText.Quote(taken.Volume)}\" at {BoundedText.Quote(taken.Path)}, where a binding goes; "
                    + $"set {BindingLayout.RootVariable} in the container to another path, or leave it out of {StackBlazeAnnotations.Containers}");
                continue;
            }
            roots[i] = root;
        }
        return roots;
    }

    /// <summary>The container's own mount at a binding's path, which the API server would refuse a second mount at; or null.</summary>
    private static (string Volume, string Path)? TakenPath(JsonElement mounts, string root, ServiceBindings wanted)
    {
        var paths = wanted.Bindings.Select(b => Mount.PathOf(root, b.Service)).ToHashSet(StringComparer.Ordinal);
        foreach (var mount in mounts.EnumerateArray())
        {
            if (OwnedEntries<Mount>.OwnedName(mount) is null && StringOf(mount, "mountPath"u8) is { } path && paths.Contains(path))
            {
                return (StringOf(mount, "name"u8) ?? "", path);
            }
        }
        return null;
    }

    /// <summary>Adds the operations, once <see cref="Errors"/> and <see cref="PatchBytes"/> allowed them.</summary>
    public void AddOperations(List<JsonPatchOperation> patch)
    {
        AddAnnotationOperations(patch);
        Volumes.Reconcile(patch, $"{_basePath}/spec/volumes", ListOf(_pod.Spec, "volumes"u8), _wanted?.Bindings ?? []);
        AddMountOperations(patch, _pod.InitContainers, "initContainers", _initRoots);
        AddMountOperations(patch, _pod.Containers, "containers", _roots);
    }

    private void AddAnnotationOperations(List<JsonPatchOperation> patch)
    {
        var metadata = _pod.Metadata;
        var existing = _existing;
        var wanted = _wanted?.Files ?? [];
        var annotationsPath = $"{_basePath}/metadata/annotations";
        patch.AddRange(_removedFiles.Select(key => JsonPatchOperation.Remove(JsonPointer.Append(annotationsPath, key))));
        patch.AddRange(wanted
            .Where(f => existing.TryGetValue(f.AnnotationKey, out var value) && value != f.Content)
            .Select(f => JsonPatchOperation.Replace(JsonPointer.Append(annotationsPath, f.AnnotationKey), f.Content)));
        KeyValuePair<string, string>[] added = [.. wanted.Where(f => !existing.ContainsKey(f.AnnotationKey)).Select(f => KeyValuePair.Create(f.AnnotationKey, f.Content))];
        if (added.Length > 0)
        {
            patch.AddRange(AnnotationPatch.Add(metadata, _basePath, added));
        }
    }

    private void AddMountOperations(List<JsonPatchOperation> patch, IReadOnlyList<ContainerShape> containers, string list, string?[] roots)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            Mount[] wanted = roots[i] is { } root ? [.. _wanted!.Bindings.Select(b => new Mount(b.VolumeName, Mount.PathOf(root, b.Service)))] : [];
            Mounts.Reconcile(patch, $"{_basePath}/spec/{list}/{i}/volumeMounts", MountsOf(containers[i]), wanted);
        }
    }

    private static string? StringOf(JsonElement entry, ReadOnlySpan<byte> property) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? MountsOf(ContainerShape container) => ListOf(container.Json, "volumeMounts"u8);

    private static JsonElement? ListOf(JsonElement parent, ReadOnlySpan<byte> property) =>
        parent.TryGetProperty(property, out var list) && list.ValueKind != JsonValueKind.Null ? list : null;

    /// <summary>A binding's read-only mount in one container.</summary>
    private readonly record struct Mount(string Volume, string Path)
    {
        /// <summary><c>$SERVICE_BINDING_ROOT/&lt;service&gt;</c>, one slash between them whatever the root ends with.</summary>
        public static string PathOf(string root, string service) => $"{root.TrimEnd('/')}/{service}";

        // Exactly the mount the webhook writes: a subPath or a writable mount of the volume is put back.
        public bool IsWrittenAs(JsonElement entry) =>
            entry.GetPropertyCount() == 3
            && StringOf(entry, "mountPath"u8) == Path
            && entry.TryGetProperty("readOnly"u8, out var readOnly) && readOnly.ValueKind == JsonValueKind.True;

        public ReadOnlyMemory<byte> ToJson()
        {
            var buffer = new ArrayBufferWriter<byte>(64 + Volume.Length + Path.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("name"u8, Volume);
                writer.WriteString("mountPath"u8, Path);
                writer.WriteBoolean("readOnly"u8, true);
                writer.WriteEndObject();
            }
            return buffer.WrittenMemory;
        }
    }
}
