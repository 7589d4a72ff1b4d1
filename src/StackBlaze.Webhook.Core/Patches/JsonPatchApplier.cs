using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Patches;

/// <summary>
/// Applies the webhook's own patches (RFC 6902 <c>add</c>) to a document, so that the offline
/// commands show exactly what the API server would store.
/// </summary>
public static class JsonPatchApplier
{
    public static void Apply(JsonNode document, IEnumerable<JsonPatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            if (operation.Op != "add")
            {
                throw new InvalidOperationException($"unsupported patch operation \"{operation.Op}\"");
            }
            Add(document, operation.Path, operation.Value);
        }
    }

    private static void Add(JsonNode document, string path, JsonNode value)
    {
        var tokens = path.Split('/')[1..].Select(JsonPointer.Unescape).ToArray();
        var parent = document;
        foreach (var token in tokens[..^1])
        {
            parent = parent switch
            {
                JsonObject obj => obj[token],
                JsonArray array => array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            } ?? throw new InvalidOperationException($"patch path \"{path}\" has no parent");
        }

        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array:
                array.Insert(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                break;
            default:
                throw new InvalidOperationException($"patch path \"{path}\" does not end in an object or array");
        }
    }
}
