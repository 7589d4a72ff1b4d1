using k8s.Models;
using StackBlaze.Webhook.NetworkPolicies;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>NetworkPolicies made to order: the webhook's, as the generator labels them, and others'.</summary>
internal static class PolicyObjects
{
    /// <summary>A policy admitting <paramref name="port"/> of app=<paramref name="app"/>; labelled as the webhook's when <paramref name="managed"/>.</summary>
    public static V1NetworkPolicy Policy(string ns, string name, string app, int port, bool managed = true) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = managed ? new Dictionary<string, string> { [ManagedPolicy.ManagedByLabel] = ManagedPolicy.FieldManager } : null,
        },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
            PolicyTypes = ["Ingress"],
            Ingress = [new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Port = port, Protocol = "TCP" }] }],
        },
    };
}
