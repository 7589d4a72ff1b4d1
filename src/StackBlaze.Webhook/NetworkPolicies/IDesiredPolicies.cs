using k8s.Models;

namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>The NetworkPolicies the links of every opted-in project ask for, and a version that changes with them.</summary>
internal interface IDesiredPolicies
{
    long Version { get; }

    IReadOnlyList<V1NetworkPolicy> Compute();
}
