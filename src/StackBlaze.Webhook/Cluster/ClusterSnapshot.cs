using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Cluster;

/// <summary>What <see cref="ClusterReader"/> read of a cluster's project namespaces, as <c>check</c> reads manifests.</summary>
/// <param name="Projects">The project namespaces read, with their own policy labels.</param>
/// <param name="Documents">Their workloads, pods and ConfigMaps that the validating webhook checks.</param>
/// <param name="Services">Their Services.</param>
/// <param name="Ingresses">Their Ingresses.</param>
/// <param name="ConfigMaps">Their ConfigMaps, as the catalog keeps them.</param>
internal sealed record ClusterSnapshot(
    IReadOnlyList<NamespaceEntry> Projects,
    IReadOnlyList<ManifestDocument> Documents,
    IReadOnlyList<ServiceEntry> Services,
    IReadOnlyList<IngressEntry> Ingresses,
    IReadOnlyList<ConfigMapEntry> ConfigMaps)
{
    /// <summary>The running pods of the object <c>explain</c> asked for, or the pod itself.</summary>
    public IReadOnlyList<ManifestDocument> RunningPods { get; init; } = [];

    /// <summary>
    /// The catalog of the projects read, naming Services as <paramref name="hosts"/> says: every
    /// namespace in <paramref name="mode"/>, or in its own mode when none is given.
    /// </summary>
    public StaticProjectCatalog Catalog(ServiceHosts hosts, PolicyMode? mode = null) => new(
        Services,
        Ingresses,
        ConfigMaps,
        mode is { } everywhere ? Projects.Select(p => p with { PublicUrlPolicy = PolicyModes.Name(everywhere) }) : Projects)
    {
        Hosts = hosts,
    };
}
