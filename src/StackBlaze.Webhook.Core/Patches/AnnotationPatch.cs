using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Patches;

/// <summary>Adds annotations, creating <c>metadata</c> or <c>metadata.annotations</c> when they are missing.</summary>
internal static class AnnotationPatch
{
    /// <param name="metadata">The metadata as it stands before the patch.</param>
    /// <param name="basePath">Where the object that owns the metadata stands in the document.</param>
    /// <param name="annotations">The annotations to add, in order.</param>
    public static IReadOnlyList<JsonPatchOperation> Add(MetadataShape metadata, string basePath, IReadOnlyList<KeyValuePair<string, string>> annotations)
    {
        if (!metadata.Exists)
        {
            return [JsonPatchOperation.Add($"{basePath}/metadata", new JsonObject { ["annotations"] = ToObject(annotations) })];
        }
        if (!metadata.HasAnnotations)
        {
            return [JsonPatchOperation.Add($"{basePath}/metadata/annotations", ToObject(annotations))];
        }
        var operations = new JsonPatchOperation[annotations.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            var (key, value) = annotations[i];
            operations[i] = JsonPatchOperation.Add($"{basePath}/metadata/annotations/{JsonPointer.Escape(key)}", value);
        }
        return operations;
    }

    private static JsonObject ToObject(IReadOnlyList<KeyValuePair<string, string>> annotations) =>
        new(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
}
