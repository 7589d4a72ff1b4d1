using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Tests.NetworkPolicies;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The fake API server's server-side apply answers as the API server does, through KubernetesClient.</summary>
public sealed class FakeApiServerApplyTests
{
    private static readonly V1NetworkPolicy Mine = PolicyObjects.Policy("shop", "allow-backend", "backend", 3000);

    [Fact]
    public async Task Apply_without_a_field_manager_is_400()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        using var client = Client(cluster);

        var refusal = await Refusal(() => client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(Mine), "allow-backend", "shop"));

        refusal.Should().Be((HttpStatusCode.BadRequest, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
        cluster.NetworkPolicies.Writes.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_of_another_value_over_another_managers_field_is_409_unless_forced()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        using var client = Client(cluster);
        await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(Mine), "allow-backend", "shop", fieldManager: "kubectl");
        var theirs = PolicyObjects.Policy("shop", "allow-backend", "api", 3000);

        var refusal = await Refusal(() => client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(theirs), "allow-backend", "shop", fieldManager: "stackblaze-webhook"));
        var forced = await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(theirs), "allow-backend", "shop", fieldManager: "stackblaze-webhook", force: true);

        refusal.Should().Be((HttpStatusCode.Conflict,
            "Apply failed with 1 conflict: conflict with \"kubectl\" using networking.k8s.io/v1: .spec.podSelector.matchLabels.app"));
        forced.Spec.PodSelector.MatchLabels["app"].Should().Be("api");
        forced.Metadata.ManagedFields.Select(f => (f.Manager, f.Operation)).Should().BeEquivalentTo([("kubectl", "Apply"), ("stackblaze-webhook", "Apply")]);
    }

    [Fact]
    public async Task Apply_of_the_same_values_by_another_manager_shares_the_fields_without_a_conflict()
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        using var client = Client(cluster);
        await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(Mine), "allow-backend", "shop", fieldManager: "kubectl");

        var shared = await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(Patch(Mine), "allow-backend", "shop", fieldManager: "stackblaze-webhook");

        shared.Metadata.ManagedFields.Select(f => f.Manager).Should().BeEquivalentTo(["kubectl", "stackblaze-webhook"]);
        cluster.NetworkPolicies.Writes.Select(w => w.Verb).Should().Equal("apply", "apply");
    }

    private static Kubernetes Client(FakeKubernetes cluster) => new(new KubernetesClientConfiguration { Host = cluster.Address.ToString() });

    private static V1Patch Patch(V1NetworkPolicy policy) => new(KubernetesJson.Serialize(policy), V1Patch.PatchType.ApplyPatch);

    private static async Task<(HttpStatusCode, string?)> Refusal(Func<Task> call)
    {
        var e = await call.Should().ThrowAsync<HttpOperationException>();
        return (e.Which.Response.StatusCode, KubernetesJson.Deserialize<V1Status>(e.Which.Response.Content).Message);
    }
}
