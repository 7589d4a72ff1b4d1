using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.NetworkPolicies;

namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>The link policies of every opted-in project of the live catalog.</summary>
internal sealed class CatalogPolicies(LiveProjectCatalog catalog, LinkPolicyOptions options) : IDesiredPolicies
{
    public long Version => catalog.NetworkVersion;

    public IReadOnlyList<V1NetworkPolicy> Compute() => [.. catalog.ProjectNetworks().SelectMany(project => LinkPolicies.For(project, options))];
}
