using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyObjects;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyReplica;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>What the reconciler writes of the desired policies: only what differs, and never a policy it does not own.</summary>
public sealed class NetworkPolicyOwnershipTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private static readonly V1NetworkPolicy Backend = Policy("shop", "stackblaze-links-backend", "backend", 3000);
    private static readonly V1NetworkPolicy Frontend = Policy("shop", "stackblaze-links-frontend", "frontend", 80);

    [Fact]
    public async Task Desired_policy_is_applied_once_by_the_webhooks_field_manager_and_rounds_without_a_change_write_nothing()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Backend);
        await using var webhook = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Backend.Metadata.Name) is not null, "the policy is created");

        await SettleAsync(cluster, desired, Backend);
        await SettleAsync(cluster, desired, Backend);

        cluster.NetworkPolicies.Writes.Should().Equal(new Support.FakeApiServer.ApiWrite("apply", "shop", Backend.Metadata.Name, "replica-a"));
        var managed = Stored(cluster, "shop", Backend.Metadata.Name)!["metadata"]!["managedFields"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)managed["manager"], (string?)managed["operation"]).Should().Be(("stackblaze-webhook", "Apply"));
    }

    [Fact]
    public async Task Policy_that_differs_from_the_desired_one_is_applied_again_and_one_no_longer_desired_is_deleted()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Backend, Frontend);
        await using var webhook = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 2, "both policies are created");

        await SettleAsync(cluster, desired, Policy("shop", Backend.Metadata.Name, "backend", 3100));

        Stored(cluster, "shop", Backend.Metadata.Name)!["spec"]!["ingress"]![0]!["ports"]![0]!["port"]!.GetValue<int>().Should().Be(3100);
        Stored(cluster, "shop", Frontend.Metadata.Name).Should().BeNull();
        cluster.NetworkPolicies.Writes.Skip(2).Select(w => (w.Verb, w.Name)).Should().BeEquivalentTo(
            [("apply", Backend.Metadata.Name), ("delete", Frontend.Metadata.Name)]);
    }

    [Fact]
    public async Task Its_own_policy_edited_by_another_field_manager_is_put_back_at_the_next_round_not_refused_at_every_one()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Backend);
        await using var webhook = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Backend.Metadata.Name) is not null, "the policy is created");
        using var folder = new TemporaryFolder();
        using var someone = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.WriteKubeconfig(folder.Path)));
        var edited = Policy("shop", Backend.Metadata.Name, "backend", 9999);
        await someone.NetworkingV1.PatchNamespacedNetworkPolicyAsync(
            new V1Patch(KubernetesJson.Serialize(edited), V1Patch.PatchType.ApplyPatch), edited.Metadata.Name, "shop", fieldManager: "kubectl", force: true);
        Stored(cluster, "shop", Backend.Metadata.Name)!["spec"]!["ingress"]![0]!["ports"]![0]!["port"]!.GetValue<int>().Should().Be(9999);

        await SettleAsync(cluster, desired, Backend);

        Stored(cluster, "shop", Backend.Metadata.Name)!["spec"]!["ingress"]![0]!["ports"]![0]!["port"]!.GetValue<int>().Should().Be(3000);
        cluster.NetworkPolicies.Writes.Where(w => w.User == "replica-a").Should().HaveCount(2, "created, then put back once");
    }

    [Fact]
    public async Task Policy_of_the_webhooks_name_without_its_label_and_another_policy_of_the_namespace_are_never_written_or_deleted()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        cluster.Put(Policy("shop", Backend.Metadata.Name, "someone-elses", 9000, managed: false));
        cluster.Put(Policy("shop", "allow-monitoring", "backend", 9090, managed: false));
        var before = (cluster.NetworkPolicies.Get("shop", Backend.Metadata.Name), cluster.NetworkPolicies.Get("shop", "allow-monitoring"));
        var desired = new ScriptedPolicies();
        desired.Set(Backend, Frontend);
        var log = new FakeLogCollector();
        await using var webhook = await StartAsync(cluster, fixture.Certificates, "replica-a", desired, log);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Frontend.Metadata.Name) is not null, "the other desired policy is created");

        await SettleAsync(cluster, desired, Backend);

        (cluster.NetworkPolicies.Get("shop", Backend.Metadata.Name), cluster.NetworkPolicies.Get("shop", "allow-monitoring")).Should().Be(before);
        cluster.NetworkPolicies.Writes.Select(w => (w.Verb, w.Name)).Should().Equal(("apply", Frontend.Metadata.Name), ("delete", Frontend.Metadata.Name));
        log.GetSnapshot().Should().Contain(r => r.Id.Id == 82 && r.Message.Contains("shop/stackblaze-links-backend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Policy_labelled_as_the_webhooks_but_written_by_another_manager_is_never_written_or_deleted()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var copied = Policy("shop", Backend.Metadata.Name, "someone-elses", 9000);
        copied.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl-client-side-apply", Operation = "Update", ApiVersion = "networking.k8s.io/v1" }];
        var stray = Policy("shop", "stackblaze-links-gone", "gone", 1000);
        stray.Metadata.ManagedFields = copied.Metadata.ManagedFields;
        cluster.Put(copied);
        cluster.Put(stray);
        var before = (cluster.NetworkPolicies.Get("shop", Backend.Metadata.Name), cluster.NetworkPolicies.Get("shop", stray.Metadata.Name));
        var desired = new ScriptedPolicies();
        desired.Set(Backend, Frontend);
        await using var webhook = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Frontend.Metadata.Name) is not null, "the other desired policy is created");

        await SettleAsync(cluster, desired, Backend, Frontend);

        (cluster.NetworkPolicies.Get("shop", Backend.Metadata.Name), cluster.NetworkPolicies.Get("shop", stray.Metadata.Name)).Should().Be(before);
        cluster.NetworkPolicies.Writes.Select(w => (w.Verb, w.Name)).Should().Equal(("apply", Frontend.Metadata.Name));
    }
}
