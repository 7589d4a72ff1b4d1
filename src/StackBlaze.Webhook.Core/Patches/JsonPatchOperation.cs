using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Core.Patches;

/// <summary>
/// One RFC 6902 operation: mostly <c>add</c>, to a member or into an array at an index, always below
/// a parent that exists; <c>replace</c> and <c>remove</c> only for the webhook's own variables and
/// record. The value is a node, or JSON already written (what link plans keep, so that a request
/// does not build the same variables again). A value: a pod's handful is made fresh for each review.
/// </summary>
public readonly struct JsonPatchOperation
{
    private readonly JsonNode? _node;
    private readonly ReadOnlyMemory<byte> _json;

    private JsonPatchOperation(string op, string path, JsonNode? node, ReadOnlyMemory<byte> json)
    {
        Op = op;
        Path = path;
        _node = node;
        _json = json;
    }

    public string Op { get; }

    public string Path { get; }

    /// <summary>Whether the operation carries a value: every one but <c>remove</c>.</summary>
    public bool HasValue => Op != "remove";

    /// <summary>A copy of the value, to inspect or to place in a document.</summary>
    public JsonNode Value => _node?.DeepClone() ?? JsonNode.Parse(_json.Span)!;

    public static JsonPatchOperation Add(string path, JsonNode value) => new("add", path, value, default);

    /// <param name="path">Where to add.</param>
    /// <param name="json">The value as UTF-8 JSON, trusted to be valid: it is written as it is.</param>
    public static JsonPatchOperation AddJson(string path, ReadOnlyMemory<byte> json) => new("add", path, null, json);

    public static JsonPatchOperation Replace(string path, JsonNode value) => new("replace", path, value, default);

    /// <param name="path">What to replace.</param>
    /// <param name="json">The value as UTF-8 JSON, trusted to be valid: it is written as it is.</param>
    public static JsonPatchOperation ReplaceJson(string path, ReadOnlyMemory<byte> json) => new("replace", path, null, json);

    public static JsonPatchOperation Remove(string path) => new("remove", path, null, default);

    public void WriteValueTo(Utf8JsonWriter writer)
    {
        if (_node is null)
        {
            writer.WriteRawValue(_json.Span, skipInputValidation: true);
        }
        else
        {
            _node.WriteTo(writer);
        }
    }
}
