using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>
/// A rule's <c>from</c> or <c>to</c>: none means every pod; otherwise any peer may match. A peer's
/// podSelector alone picks pods of the policy's namespace, its namespaceSelector alone every pod of the
/// namespaces it picks, both together the pods it picks in those namespaces. An ipBlock matches no pod:
/// pods have no IP in this model, and Kubernetes advises ipBlocks for addresses outside the cluster.
/// </summary>
internal static class PolicyPeers
{
    /// <summary>
    /// Whether <paramref name="peers"/> take in a pod of <paramref name="ns"/> with <paramref name="labels"/>
    /// (null: not known, and then null unless the answer holds whatever they are).
    /// </summary>
    public static bool? Take(IList<V1NetworkPolicyPeer>? peers, string policyNamespace, ClusterNamespace ns, IReadOnlyDictionary<string, string>? labels)
    {
        if (peers is not { Count: > 0 })
        {
            return true;
        }
        bool? taken = false;
        foreach (var peer in peers)
        {
            // Kleene's OR: one sure match decides; an unknown one leaves the answer unknown.
            taken |= Takes(peer, policyNamespace, ns, labels);
        }
        return taken;
    }

    private static bool? Takes(V1NetworkPolicyPeer peer, string policyNamespace, ClusterNamespace ns, IReadOnlyDictionary<string, string>? labels)
    {
        if (peer.IpBlock is not null)
        {
            return peer.PodSelector is null && peer.NamespaceSelector is null
                ? false
                : throw new InvalidDataException("the API server refuses a peer with an ipBlock and a selector");
        }
        if (peer.PodSelector is null && peer.NamespaceSelector is null)
        {
            throw new InvalidDataException("the API server refuses a peer with neither selector nor ipBlock");
        }
        var inNamespace = peer.NamespaceSelector is null
            ? ns.Name == policyNamespace
            : LabelSelectors.Matches(peer.NamespaceSelector, ns.Labels) == true;
        if (!inNamespace)
        {
            return false;
        }
        return peer.PodSelector is null ? true : LabelSelectors.Matches(peer.PodSelector, labels);
    }
}
