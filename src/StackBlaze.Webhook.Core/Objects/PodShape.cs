namespace StackBlaze.Webhook.Core.Objects;

/// <summary>A pod, or a workload's pod template, as injection sees it.</summary>
public sealed record PodShape(MetadataShape Metadata, IReadOnlyList<ContainerShape> Containers, IReadOnlyList<ContainerShape> InitContainers);
