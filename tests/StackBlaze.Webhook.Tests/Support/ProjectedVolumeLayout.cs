using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A pod's projected volume written to disk as the kubelet's AtomicWriter writes it: the files in a
/// hidden timestamped folder, <c>..data</c> a link to it, and each top-level name a link into
/// <c>..data</c>. Sources: <c>downwardAPI</c> (name, namespace, one label or annotation) and
/// <c>secret</c> from the test's Secrets; what the webhook does not project is refused rather than guessed.
/// </summary>
internal static partial class ProjectedVolumeLayout
{
    private const string Data = "..data";

    /// <summary>
    /// Writes <paramref name="pod"/>'s volume <paramref name="volumeName"/> into <paramref name="folder"/>
    /// (an empty folder, the volume's mount point); <paramref name="secrets"/> maps a Secret's name to its keys and values.
    /// </summary>
    /// <exception cref="InvalidOperationException">A Secret or key is missing and not optional: the kubelet would not start the pod.</exception>
    /// <exception cref="InvalidDataException">A path the API server refuses (absolute, with <c>..</c>) or given twice.</exception>
    public static void Write(
        JsonElement pod, string volumeName, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets, string folder)
    {
        var files = Files(pod, Volume(pod, volumeName), secrets);
        var version = $"..{DateTime.UtcNow.ToString("yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture)}.{Path.GetRandomFileName()}";
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(folder, version, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
        File.CreateSymbolicLink(Path.Combine(folder, Data), version);
        foreach (var top in files.Keys.Select(path => path.Split('/')[0]).Distinct(StringComparer.Ordinal))
        {
            File.CreateSymbolicLink(Path.Combine(folder, top), Path.Combine(Data, top));
        }
    }

    /// <summary>
    /// Writes each projected volume <paramref name="container"/> mounts at its <c>mountPath</c> under
    /// <paramref name="root"/>, which stands for the container's <c>/</c>; other volumes are not ours to lay out.
    /// </summary>
    public static void WriteMounts(
        JsonElement pod, JsonElement container, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets, string root)
    {
        var projected = pod.GetProperty("spec").TryGetProperty("volumes", out var volumes)
            ? volumes.EnumerateArray().Where(v => v.TryGetProperty("projected", out _)).Select(v => v.GetProperty("name").GetString()).ToHashSet()
            : [];
        var mounts = container.TryGetProperty("volumeMounts", out var list) ? list.EnumerateArray() : default;
        // Outer mount points first, so that one mounted inside another lands in its folder.
        foreach (var mount in mounts.Where(m => projected.Contains(m.GetProperty("name").GetString())).OrderBy(m => m.GetProperty("mountPath").GetString()!.Length))
        {
            var folder = Path.Combine(root, mount.GetProperty("mountPath").GetString()!.TrimStart('/'));
            Directory.CreateDirectory(folder);
            Write(pod, mount.GetProperty("name").GetString()!, secrets, folder);
        }
    }

    private static JsonElement Volume(JsonElement pod, string name) =>
        pod.GetProperty("spec").TryGetProperty("volumes", out var volumes)
        && volumes.EnumerateArray().FirstOrDefault(v => v.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } volume
            ? volume.GetProperty("projected")
            : throw new InvalidDataException($"the pod has no volume {name}");

    private static Dictionary<string, string> Files(
        JsonElement pod, JsonElement projected, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in projected.GetProperty("sources").EnumerateArray())
        {
            var items = source.EnumerateObject().Single() switch
            {
                { Name: "downwardAPI", Value: var downward } => DownwardApiItems(pod, downward),
                { Name: "secret", Value: var secret } => SecretItems(secret, secrets),
                var other => throw new NotSupportedException($"projected source {other.Name} is not modelled here"),
            };
            foreach (var (path, content) in items)
            {
                if (!files.TryAdd(Checked(path), content))
                {
                    throw new InvalidDataException($"conflicting duplicate paths: {path}");
                }
            }
        }
        return files;
    }

    private static IEnumerable<(string Path, string Content)> DownwardApiItems(JsonElement pod, JsonElement downward) =>
        downward.GetProperty("items").EnumerateArray().Select(item =>
            (item.GetProperty("path").GetString()!, Field(pod, item.GetProperty("fieldRef").GetProperty("fieldPath").GetString()!)));

    // A missing label or annotation is an empty file, as the kubelet writes it.
    private static string Field(JsonElement pod, string fieldPath)
    {
        var metadata = pod.GetProperty("metadata");
        if (fieldPath is "metadata.name" or "metadata.namespace")
        {
            return metadata.TryGetProperty(fieldPath["metadata.".Length..], out var value)
                ? value.GetString()!
                : throw new InvalidDataException($"the pod has no {fieldPath}");
        }
        var match = MapEntry().Match(fieldPath);
        if (!match.Success)
        {
            throw new NotSupportedException($"fieldPath {fieldPath} is not modelled here");
        }
        return metadata.TryGetProperty(match.Groups["map"].Value, out var map) && map.TryGetProperty(match.Groups["key"].Value, out var entry)
            ? entry.GetString()!
            : "";
    }

    private static IEnumerable<(string Path, string Content)> SecretItems(
        JsonElement source, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        var name = source.GetProperty("name").GetString()!;
        var optional = source.TryGetProperty("optional", out var flag) && flag.GetBoolean();
        if (!secrets.TryGetValue(name, out var data))
        {
            return optional ? [] : throw new InvalidOperationException($"the pod would not start: no Secret {name}");
        }
        if (!source.TryGetProperty("items", out var items))
        {
            return data.Select(pair => (pair.Key, pair.Value));
        }
        var files = new List<(string, string)>();
        foreach (var item in items.EnumerateArray())
        {
            var key = item.GetProperty("key").GetString()!;
            if (data.TryGetValue(key, out var value))
            {
                files.Add((item.GetProperty("path").GetString()!, value));
            }
            else if (!optional)
            {
                throw new InvalidOperationException($"the pod would not start: Secret {name} has no key {key}");
            }
        }
        return files;
    }

    // The API server's rule for a volume file's path: relative, no `..` element, not starting with `..`.
    private static string Checked(string path)
    {
        var elements = path.Split('/');
        return path.Length == 0 || path.StartsWith('/') || elements.Contains("..") || elements[0].StartsWith("..", StringComparison.Ordinal)
            ? throw new InvalidDataException($"invalid path {path}: must be relative, without '..'")
            : path;
    }

    [GeneratedRegex(@"^metadata\.(?<map>labels|annotations)\['(?<key>[^']*)'\]$")]
    private static partial Regex MapEntry();
}
