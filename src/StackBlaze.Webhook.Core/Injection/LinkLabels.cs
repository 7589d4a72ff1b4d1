using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// The labels a pod gets for the Services its links resolve to, <c>links.stackblaze.io/&lt;service&gt;: "true"</c>,
/// which NetworkPolicies admit it by: the link declares the call, whatever the containers get of it.
/// Added when missing, never replaced (a user's own value stands) and never removed. Kept in a plan:
/// the keys, pointers and map are written once for all its pods.
/// </summary>
internal sealed class LinkLabels
{
    private static readonly ReadOnlyMemory<byte> TrueJson = "\"true\""u8.ToArray();
    private static readonly byte[] KeyPrefixUtf8 = Encoding.UTF8.GetBytes(StackBlazeLabels.LinkedServicePrefix);

    private readonly FrozenDictionary<string, int> _indexes;
    private readonly string[] _pointers;
    private readonly byte[] _mapJson;

    /// <param name="services">The Services the links resolve to, each once, in order.</param>
    public LinkLabels(IReadOnlyList<string> services)
    {
        Keys = [.. services.Select(StackBlazeLabels.LinkedService)];
        _indexes = Keys.Select((key, index) => KeyValuePair.Create(key, index)).ToFrozenDictionary(StringComparer.Ordinal);
        _pointers = [.. Keys.Select(key => JsonPointer.Append("/metadata/labels", key))];
        _mapJson = Encoding.UTF8.GetBytes(new JsonObject(Keys.Select(key => KeyValuePair.Create(key, (JsonNode?)"true"))).ToJsonString());
        // A key, its pointer (a few chars longer), its dictionary entry, two bytes a char, each counted with a generous header.
        const int objectBytes = 64;
        RetainedBytes = 4 * objectBytes + _mapJson.Length + Keys.Sum(key => 3 * objectBytes + 4L * (key.Length + 8));
    }

    public static LinkLabels None { get; } = new([]);

    /// <summary>The label keys, in the order of the links.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The memory the labels hold while their plan is kept.</summary>
    public long RetainedBytes { get; }

    /// <summary>Adds what gives the pod every label it lacks: the whole map when it has no labels, else one operation a label.</summary>
    /// <param name="patch">Where the operations go.</param>
    /// <param name="metadata">The pod's metadata, which has the links annotation and so exists.</param>
    /// <param name="basePath">Where the pod stands in the patched document: "" for a pod.</param>
    /// <returns>Why the labels cannot be added (labels that are not a map), or null.</returns>
    public string? AddOperations(List<JsonPatchOperation> patch, MetadataShape metadata, string basePath)
    {
        if (Keys.Count == 0)
        {
            return null;
        }
        if (!metadata.Json.TryGetProperty("labels"u8, out var labels) || labels.ValueKind == JsonValueKind.Null)
        {
            // An add over a null member replaces it, as over a missing one.
            patch.Add(JsonPatchOperation.AddJson(basePath + "/metadata/labels", _mapJson));
            return null;
        }
        if (labels.ValueKind != JsonValueKind.Object)
        {
            return "metadata.labels is not an object, and the links label the pod";
        }

        // One walk, whatever the map's size: a key is made a string only when it has our prefix (or escapes).
        // Keys.Count is at most the link entries (ReviewLimits.MaxLinkEntries), each a byte here.
        Span<bool> present = stackalloc bool[Keys.Count];
        foreach (var label in labels.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(label);
            if ((raw.StartsWith(KeyPrefixUtf8) || raw.Contains((byte)'\\')) && _indexes.TryGetValue(label.Name, out var index))
            {
                present[index] = true;
            }
        }
        for (var i = 0; i < Keys.Count; i++)
        {
            if (!present[i])
            {
                patch.Add(JsonPatchOperation.AddJson(basePath + _pointers[i], TrueJson));
            }
        }
        return null;
    }
}
