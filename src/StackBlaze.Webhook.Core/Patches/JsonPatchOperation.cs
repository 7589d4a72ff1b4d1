using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Patches;

/// <summary>
/// One RFC 6902 operation. The webhook only ever adds: to a member, or into an array at an index,
/// always below a parent that exists. The value is a node, or JSON already written (what link
/// plans keep, so that a request does not build the same variables again).
/// </summary>
public sealed class JsonPatchOperation
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

    /// <summary>A copy of the value, to inspect or to place in a document.</summary>
    public JsonNode Value => _node?.DeepClone() ?? JsonNode.Parse(_json.Span)!;

    public static JsonPatchOperation Add(string path, JsonNode value) => new("add", path, value, default);

    /// <param name="path">Where to add.</param>
    /// <param name="json">The value as UTF-8 JSON, trusted to be valid: it is written as it is.</param>
    public static JsonPatchOperation AddJson(string path, ReadOnlyMemory<byte> json) => new("add", path, null, json);

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
