using System.Text.Json;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>
/// A pod, or a workload's pod template, read once per review: what injection and validation both
/// read of it. Containers keep their JSON, so a value is read from the request when it is needed.
/// </summary>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Containers">Its containers.</param>
/// <param name="InitContainers">Its init containers.</param>
/// <param name="EphemeralContainers">What <c>kubectl debug</c> added: validated, never injected.</param>
/// <param name="DnsPolicy">Its <c>spec.dnsPolicy</c>, or null.</param>
internal sealed record PodShape(
    MetadataShape Metadata,
    IReadOnlyList<ContainerShape> Containers,
    IReadOnlyList<ContainerShape> InitContainers,
    IReadOnlyList<ContainerShape> EphemeralContainers,
    string? DnsPolicy)
{
    /// <summary>Its <c>spec</c> as sent, which <see cref="ObjectShapeReader.ReadPod"/> found to be an object: for the volumes, read only where needed.</summary>
    public JsonElement Spec => Metadata.Owner.GetProperty("spec"u8);
}
