using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Core.NetworkPolicies;
using StackBlaze.Webhook.NetworkPolicies;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>
/// Replicas of <c>serve</c> following a fake API server, each named both as its Lease identity and as
/// the token its writes carry; rounds looked for every 50 ms, the Lease tried every 100 ms.
/// </summary>
internal static class PolicyReplica
{
    public static readonly LeaderElectionOptions Election = new(
        LeaderElectionOptions.DefaultNamespace, "", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

    /// <summary>The ingress controllers' namespaces, as <c>--ingress-namespace-selector</c> gives them.</summary>
    public static readonly k8s.Models.V1LabelSelector IngressNamespaces = new()
    {
        MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" },
    };

    /// <summary>
    /// A replica named <paramref name="name"/> keeping <paramref name="desired"/>, or the policies of the catalog's links when null;
    /// <paramref name="services"/> replaces more, last.
    /// </summary>
    public static Task<ClusterWebhook> StartAsync(
        FakeKubernetes cluster,
        TestCertificates certificates,
        string name,
        IDesiredPolicies? desired = null,
        FakeLogCollector? log = null,
        LeaderElectionOptions? election = null,
        Action<IServiceCollection>? services = null) =>
        ClusterWebhook.StartAsync(cluster, certificates, log: log, token: name, services: replaced =>
        {
            replaced.AddSingleton((election ?? Election) with { Identity = name });
            replaced.AddSingleton(new NetworkPolicyTimings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5)));
            replaced.AddSingleton(new LinkPolicyOptions(IngressNamespaces, null));
            if (desired is not null)
            {
                replaced.AddSingleton(desired);
            }
            services?.Invoke(replaced);
        });

    /// <summary>Who holds the reconciler's Lease now; null when no one does.</summary>
    public static string? Holder(FakeKubernetes cluster) =>
        cluster.Leases.Get(LeaderElectionOptions.DefaultNamespace, LeaderElectionOptions.LeaseName) is { } json
            ? System.Text.Json.Nodes.JsonNode.Parse(json)?["spec"]?["holderIdentity"]?.GetValue<string>()
            : null;

    /// <summary>Changes the desired policies and waits for the round that lists the cluster's after it.</summary>
    public static async Task RoundAsync(FakeKubernetes cluster, ScriptedPolicies desired, params k8s.Models.V1NetworkPolicy[] policies)
    {
        var lists = cluster.NetworkPolicies.Lists;
        desired.Set(policies);
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Lists > lists, "a round has listed the policies");
    }

    /// <summary>Two rounds with the same policies: when the second has listed, the first has made all its writes.</summary>
    public static async Task SettleAsync(FakeKubernetes cluster, ScriptedPolicies desired, params k8s.Models.V1NetworkPolicy[] policies)
    {
        await RoundAsync(cluster, desired, policies);
        await RoundAsync(cluster, desired, policies);
    }

    /// <summary>The policy of that namespace and name in the fake cluster, or null.</summary>
    public static System.Text.Json.Nodes.JsonNode? Stored(FakeKubernetes cluster, string ns, string name) =>
        cluster.NetworkPolicies.Get(ns, name) is { } json ? System.Text.Json.Nodes.JsonNode.Parse(json) : null;
}
