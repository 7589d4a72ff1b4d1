using System.Text.Json;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>What the webhook needs of an object's metadata: whether it and its annotations exist, and ours.</summary>
/// <param name="Exists">Whether <c>metadata</c> is present (a patch must not add below a missing parent).</param>
/// <param name="HasAnnotations">Whether <c>metadata.annotations</c> is present.</param>
/// <param name="Annotations">The <c>stackblaze.io/</c> annotations only: the rest is never read.</param>
/// <param name="Owner">
/// The object as sent, whose metadata this is: kept rather than the metadata alone, so that a pod's
/// spec is at hand for the few reviews that read more of it, at no cost to the others.
/// </param>
internal sealed record MetadataShape(bool Exists, bool HasAnnotations, IReadOnlyDictionary<string, string> Annotations, JsonElement Owner)
{
    /// <summary>Whether an annotation holds a Service Binding's file, which only the webhook writes: then it has bindings to keep in line.</summary>
    public bool HasBindingFiles { get; init; }

    /// <summary>The metadata as sent, for the annotations and labels a container takes through the Downward API; undefined when missing.</summary>
    public JsonElement Json => Exists ? Owner.GetProperty("metadata"u8) : default;

    public string? Annotation(string key) => Annotations.GetValueOrDefault(key);
}
