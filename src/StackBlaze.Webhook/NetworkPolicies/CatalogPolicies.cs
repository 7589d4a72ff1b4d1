using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>The policies of every opted-in project of the live catalog. (Waits on the lead's LinkPolicies.)</summary>
internal sealed class CatalogPolicies(LiveProjectCatalog catalog) : IDesiredPolicies
{
    public long Version => catalog.ServicesVersion;

    public IReadOnlyList<V1NetworkPolicy> Compute() => [];
}
