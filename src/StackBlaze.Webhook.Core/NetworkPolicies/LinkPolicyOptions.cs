using k8s.Models;

namespace StackBlaze.Webhook.Core.NetworkPolicies;

/// <summary>Who, beyond a project's own linked pods, its NetworkPolicies admit.</summary>
/// <param name="IngressNamespaces">The ingress controllers' namespaces: admitted to public Services; null for none.</param>
/// <param name="MonitoringNamespaces">The scrapers' namespaces: admitted to metrics ports; null for none.</param>
public sealed record LinkPolicyOptions(V1LabelSelector? IngressNamespaces, V1LabelSelector? MonitoringNamespaces)
{
    public static LinkPolicyOptions None { get; } = new(null, null);
}
