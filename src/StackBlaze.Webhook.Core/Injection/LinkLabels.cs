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
/// The labels a pod gets for the Services whose addresses it is injected, <c>links.stackblaze.io/&lt;service&gt;: "true"</c>,
/// which NetworkPolicies admit it by. Added when missing, never replaced (a user's own value stands)
/// and never removed. Kept in a plan: the keys, pointers and map are written once for all its pods.
/// </summary>
internal sealed class LinkLabels
{
    private static readonly ReadOnlyMemory<byte> TrueJson = "\"true\""u8.ToArray();
    private static readonly byte[] KeyPrefixUtf8 = Encoding.UTF8.GetBytes(StackBlazeLabels.LinkedServicePrefix);

    private readonly int[] _serviceOfVariable;
    private readonly FrozenDictionary<string, int> _indexes;
    private readonly string[] _pointers;
    private readonly byte[] _mapJson;

    /// <param name="variableServices">The Service of each of the plan's variables, in order; the plan may end with variables of none.</param>
    public LinkLabels(IReadOnlyList<string> variableServices)
    {
        Keys = [.. variableServices.Distinct(StringComparer.Ordinal).Select(StackBlazeLabels.LinkedService)];
        _indexes = Keys.Select((key, index) => KeyValuePair.Create(key, index)).ToFrozenDictionary(StringComparer.Ordinal);
        _serviceOfVariable = [.. variableServices.Select(service => _indexes[StackBlazeLabels.LinkedService(service)])];
        _pointers = [.. Keys.Select(key => JsonPointer.Append("/metadata/labels", key))];
        _mapJson = Encoding.UTF8.GetBytes(new JsonObject(Keys.Select(key => KeyValuePair.Create(key, (JsonNode?)"true"))).ToJsonString());
        // A key, its pointer (a few chars longer), its dictionary entry, two bytes a char, each counted with a generous header; an int a variable.
        const int objectBytes = 64;
        RetainedBytes = 5 * objectBytes + _mapJson.Length + 4L * _serviceOfVariable.Length + Keys.Sum(key => 3 * objectBytes + 4L * (key.Length + 8));
    }

    public static LinkLabels None { get; } = new([]);

    /// <summary>The label keys, in the order of their Services' first variables.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The memory the labels hold while their plan is kept.</summary>
    public long RetainedBytes { get; }

    /// <summary>
    /// Adds what gives the pod the label of every Service with a variable in at least one of its
    /// containers: the whole map when the pod has no labels, else one operation a label it lacks.
    /// </summary>
    /// <param name="patch">Where the operations go.</param>
    /// <param name="metadata">The pod's metadata, which has the links annotation and so exists.</param>
    /// <param name="basePath">Where the pod stands in the patched document: "" for a pod.</param>
    /// <param name="patcher">What the containers got of the plan.</param>
    /// <returns>Why the labels cannot be added (labels that are not a map), or null.</returns>
    public string? AddOperations(List<JsonPatchOperation> patch, MetadataShape metadata, string basePath, ContainerPatcher patcher)
    {
        // Keys.Count is at most the link entries (ReviewLimits.MaxLinkEntries), each a byte here.
        Span<bool> wanted = stackalloc bool[Keys.Count];
        var all = patcher.AllRecorded;
        var any = false;
        for (var v = 0; v < _serviceOfVariable.Length; v++)
        {
            if (all || patcher.Injected(v))
            {
                wanted[_serviceOfVariable[v]] = any = true;
            }
        }
        if (!any)
        {
            return null;
        }
        if (!metadata.Json.TryGetProperty("labels"u8, out var labels) || labels.ValueKind == JsonValueKind.Null)
        {
            // An add over a null member replaces it, as over a missing one.
            patch.Add(JsonPatchOperation.AddJson(basePath + "/metadata/labels", wanted.Contains(false) ? MapOf(wanted) : _mapJson));
            return null;
        }
        if (labels.ValueKind != JsonValueKind.Object)
        {
            return "metadata.labels is not an object, and the links label the pod";
        }

        // One walk, whatever the map's size: a key is made a string only when it has our prefix (or escapes).
        foreach (var label in labels.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(label);
            if ((raw.StartsWith(KeyPrefixUtf8) || raw.Contains((byte)'\\')) && _indexes.TryGetValue(label.Name, out var index))
            {
                wanted[index] = false;
            }
        }
        for (var i = 0; i < Keys.Count; i++)
        {
            if (wanted[i])
            {
                patch.Add(JsonPatchOperation.AddJson(basePath + _pointers[i], TrueJson));
            }
        }
        return null;
    }

    // The map of some labels only: made for the rare pod where a container sets a Service's every variable itself.
    private byte[] MapOf(ReadOnlySpan<bool> wanted)
    {
        var map = new JsonObject();
        for (var i = 0; i < Keys.Count; i++)
        {
            if (wanted[i])
            {
                map.Add(Keys[i], "true");
            }
        }
        return Encoding.UTF8.GetBytes(map.ToJsonString());
    }
}
