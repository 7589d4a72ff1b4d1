using System.Collections.Frozen;
using System.Text.Json;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>What the webhook needs of an object's metadata: whether it and its annotations exist, and ours.</summary>
/// <param name="Exists">Whether <c>metadata</c> is present (a patch must not add below a missing parent).</param>
/// <param name="HasAnnotations">Whether <c>metadata.annotations</c> is present.</param>
/// <param name="Annotations">The <c>stackblaze.io/</c> annotations only: the rest is never read.</param>
/// <param name="Json">The metadata as sent, for the annotations and labels a container takes through the Downward API.</param>
internal sealed record MetadataShape(bool Exists, bool HasAnnotations, IReadOnlyDictionary<string, string> Annotations, JsonElement Json)
{
    public static MetadataShape Missing { get; } = new(false, false, FrozenDictionary<string, string>.Empty, default);

    public string? Annotation(string key) => Annotations.GetValueOrDefault(key);
}
