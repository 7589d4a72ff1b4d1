using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Patches;

/// <summary>
/// One RFC 6902 operation. The webhook only ever adds: to a member, or into an array at an index,
/// always below a parent that exists.
/// </summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode Value)
{
    public static JsonPatchOperation Add(string path, JsonNode value) => new("add", path, value);
}
