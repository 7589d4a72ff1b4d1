using System.Globalization;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Core.Patches;

/// <summary>
/// Applies the webhook's own patches (RFC 6902 <c>add</c>, <c>replace</c>, <c>remove</c>) to a
/// document, so that the offline commands show exactly what the API server would store.
/// </summary>
internal static class JsonPatchApplier
{
    public static void Apply(JsonNode document, IEnumerable<JsonPatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            var tokens = operation.Path.Split('/')[1..].Select(JsonPointer.Unescape).ToArray();
            var parent = Parent(document, tokens, operation.Path);
            var last = tokens[^1];
            switch (operation.Op, parent)
            {
                case ("add" or "replace", JsonObject obj) when operation.Op == "add" || obj.ContainsKey(last):
                    obj[last] = operation.Value;
                    break;
                case ("add", JsonArray array) when last == "-":
                    array.Add(operation.Value);
                    break;
                case ("add", JsonArray array):
                    array.Insert(Index(last), operation.Value);
                    break;
                case ("replace", JsonArray array):
                    array[Index(last)] = operation.Value;
                    break;
                case ("remove", JsonObject obj) when obj.Remove(last):
                    break;
                case ("remove", JsonArray array):
                    array.RemoveAt(Index(last));
                    break;
                default:
                    throw new InvalidOperationException($"patch operation \"{operation.Op}\" at \"{operation.Path}\" does not apply");
            }
        }
    }

    private static JsonNode Parent(JsonNode document, string[] tokens, string path)
    {
        var parent = document;
        foreach (var token in tokens[..^1])
        {
            parent = parent switch
            {
                JsonObject obj => obj[token],
                JsonArray array => array[Index(token)],
                _ => null,
            } ?? throw new InvalidOperationException($"patch path \"{path}\" has no parent");
        }
        return parent;
    }

    private static int Index(string token) => int.Parse(token, CultureInfo.InvariantCulture);
}
