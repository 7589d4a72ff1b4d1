using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>What makes a NetworkPolicy the webhook's, and whether the cluster's copy is what it would apply.</summary>
internal static class ManagedPolicy
{
    /// <summary>The field manager of every write: the value of the managed-by label.</summary>
    public const string FieldManager = StackBlazeLabels.ManagedByWebhook;

    /// <summary>The label selector of the webhook's policies.</summary>
    public const string Selector = $"{StackBlazeLabels.ManagedBy}={StackBlazeLabels.ManagedByWebhook}";

    /// <summary>Labelled as the webhook's and applied by it: a label alone, which anyone can copy, is not enough.</summary>
    public static bool IsOwned(V1NetworkPolicy policy) =>
        policy.Metadata.Labels?.TryGetValue(StackBlazeLabels.ManagedBy, out var by) == true && by == StackBlazeLabels.ManagedByWebhook
        && policy.Metadata.ManagedFields?.Any(f => f.Manager == FieldManager && f.Operation == "Apply") == true;

    /// <summary>
    /// Whether <paramref name="existing"/> holds what applying <paramref name="desired"/> would write: the same
    /// spec (ports' protocol defaulted to TCP, as the API server stores it), and the desired labels and annotations.
    /// </summary>
    public static bool IsUpToDate(V1NetworkPolicy existing, V1NetworkPolicy desired) =>
        JsonNode.DeepEquals(Spec(existing), Spec(desired))
        && Contains(existing.Metadata.Labels, desired.Metadata.Labels)
        && Contains(existing.Metadata.Annotations, desired.Metadata.Annotations);

    private static JsonNode? Spec(V1NetworkPolicy policy)
    {
        var spec = JsonNode.Parse(KubernetesJson.Serialize(policy.Spec));
        foreach (var rules in new[] { spec?["ingress"], spec?["egress"] }.OfType<JsonArray>())
        {
            foreach (var port in rules.SelectMany(rule => rule?["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
        return spec;
    }

    private static bool Contains(IDictionary<string, string>? actual, IDictionary<string, string>? wanted) =>
        wanted is null || wanted.All(pair => actual?.TryGetValue(pair.Key, out var value) == true && value == pair.Value);
}
