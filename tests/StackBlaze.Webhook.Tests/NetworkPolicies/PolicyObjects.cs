using k8s.Models;
using StackBlaze.Webhook.Core.Conventions;

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
            Labels = managed ? new Dictionary<string, string> { [StackBlazeLabels.ManagedBy] = StackBlazeLabels.ManagedByWebhook } : null,
        },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
            PolicyTypes = ["Ingress"],
            Ingress = [new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Port = port, Protocol = "TCP" }] }],
        },
    };

    /// <summary>A project namespace, opted in to link policies when <paramref name="optedIn"/>.</summary>
    public static V1Namespace Project(string name, bool optedIn = true) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = optedIn
                ? new Dictionary<string, string> { [StackBlazeLabels.Project] = name, [StackBlazeLabels.NetworkPolicy] = StackBlazeLabels.LinkNetworkPolicies }
                : new Dictionary<string, string> { [StackBlazeLabels.Project] = name },
        },
    };

    /// <summary>A Service sending <paramref name="port"/> to the same port of the pods app=<paramref name="app"/>.</summary>
    public static V1Service Service(string ns, string name, string app, int port) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = app },
            Ports = [new V1ServicePort { Name = "http", Port = port, TargetPort = port }],
        },
    };
}
