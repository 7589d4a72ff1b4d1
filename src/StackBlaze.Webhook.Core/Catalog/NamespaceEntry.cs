using k8s.Models;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>What the webhook needs of a Namespace: whether it is a project, and its public-URL policy.</summary>
/// <param name="Name">The namespace.</param>
/// <param name="IsProject">Whether it carries the <c>stackblaze.io/project</c> label.</param>
/// <param name="PublicUrlPolicy">Its <c>stackblaze.io/public-url-policy</c> label, if any.</param>
/// <param name="HasLinkPolicies">Whether its <c>stackblaze.io/network-policy</c> label is <c>links</c>.</param>
public sealed record NamespaceEntry(string Name, bool IsProject, string? PublicUrlPolicy, bool HasLinkPolicies = false)
{
    public static NamespaceEntry FromNamespace(V1Namespace ns)
    {
        var labels = ns.Metadata?.Labels;
        return new NamespaceEntry(
            ns.Metadata?.Name ?? "",
            labels?.ContainsKey(StackBlazeLabels.Project) == true,
            labels is not null && labels.TryGetValue(StackBlazeLabels.PublicUrlPolicy, out var policy) ? policy : null,
            labels is not null && labels.TryGetValue(StackBlazeLabels.NetworkPolicy, out var networkPolicy)
                && networkPolicy == StackBlazeLabels.LinkNetworkPolicies);
    }
}
