using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The fields of a written object that did not survive a round trip through a model.</summary>
internal static class DroppedFields
{
    /// <summary>
    /// The topmost paths of <paramref name="written"/> that <paramref name="roundTripped"/> lacks, as
    /// <c>spec.template.spec.containers[0].imag</c>; empty when the model kept every field.
    /// </summary>
    public static IReadOnlyList<string> Between(JsonNode written, JsonNode? roundTripped) => [.. Walk(written, roundTripped, "")];

    private static IEnumerable<string> Walk(JsonNode? written, JsonNode? kept, string path) => (written, kept) switch
    {
        // A null says nothing, so a model that leaves it out loses nothing.
        (null, _) => [],
        (_, null) => [path],
        (JsonObject fields, _) => fields.SelectMany(field =>
            Walk(field.Value, (kept as JsonObject)?[field.Key], path.Length == 0 ? field.Key : $"{path}.{field.Key}")),
        (JsonArray items, _) => items.SelectMany((item, index) =>
            Walk(item, kept is JsonArray keptItems && index < keptItems.Count ? keptItems[index] : null, $"{path}[{index}]")),
        _ => [],
    };
}
