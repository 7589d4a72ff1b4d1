using k8s.Models;
using StackBlaze.Webhook.Cluster;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// What the webhook's service account may do: read the catalog's kinds, write NetworkPolicies, hold
/// its one Lease in its own namespace; nothing else.
/// </summary>
public sealed class RbacTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Cluster_role_reads_namespaces_services_configmaps_and_ingresses_writes_network_policies_and_nothing_else(string overlay)
    {
        var role = overlays[overlay].One<V1ClusterRole>();

        role.Rules.Select(rule => (Resources: string.Join(",", RenderedManifests.GrantedResources(rule)), Verbs: string.Join(",", rule.Verbs.Order())))
            .Should().BeEquivalentTo(
            [
                ("/namespaces,/services,/configmaps", "get,list,watch"),
                ("networking.k8s.io/ingresses", "get,list,watch"),
                ("networking.k8s.io/networkpolicies", "create,delete,get,list,patch"),
            ]);
        role.Rules.Should().OnlyContain(rule => rule.ResourceNames == null && rule.NonResourceURLs == null);
        role.AggregationRule.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Role_in_the_webhooks_namespace_creates_leases_and_reads_and_updates_only_the_reconcilers_one(string overlay)
    {
        var manifests = overlays[overlay];
        var role = manifests.One<V1Role>();
        var binding = manifests.One<V1RoleBinding>();

        role.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        role.Rules.Select(rule => (string.Join(",", RenderedManifests.GrantedResources(rule)), string.Join(",", rule.Verbs.Order()), rule.ResourceNames))
            .Should().BeEquivalentTo(
            [
                ("coordination.k8s.io/leases", "create", (IList<string>?)null),
                ("coordination.k8s.io/leases", "get,update", (IList<string>?)[LeaderElectionOptions.LeaseName]),
            ]);
        binding.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        (binding.RoleRef.Kind, binding.RoleRef.Name).Should().Be(("Role", role.Metadata.Name));
        var subject = binding.Subjects.Should().ContainSingle().Subject;
        (subject.Kind, subject.Name, subject.NamespaceProperty).Should().Be(("ServiceAccount", manifests.One<V1ServiceAccount>().Metadata.Name, "stackblaze-system"));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void No_role_grants_secrets_or_wildcards(string overlay)
    {
        var manifests = overlays[overlay];

        var rules = manifests.All<V1ClusterRole>().SelectMany(r => r.Rules).Concat(manifests.All<V1Role>().SelectMany(r => r.Rules)).ToList();
        rules.Should().NotBeEmpty();
        rules.SelectMany(r => r.Resources).Should().NotContain(["secrets", "pods", "pods/exec", "*"]);
        rules.SelectMany(r => r.Verbs).Should().NotContain("*");
        rules.SelectMany(r => r.ApiGroups).Should().NotContain("*");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Role_is_bound_to_the_service_account_the_pods_run_as_and_only_they_get_its_token(string overlay)
    {
        var manifests = overlays[overlay];
        var binding = manifests.One<V1ClusterRoleBinding>();
        var account = manifests.One<V1ServiceAccount>();
        var pod = manifests.Deployment.Spec.Template.Spec;

        binding.RoleRef.Name.Should().Be(manifests.One<V1ClusterRole>().Metadata.Name);
        var subject = binding.Subjects.Should().ContainSingle().Subject;
        (subject.Kind, subject.Name, subject.NamespaceProperty).Should().Be(("ServiceAccount", account.Metadata.Name, "stackblaze-system"));
        pod.ServiceAccountName.Should().Be(account.Metadata.Name);
        account.AutomountServiceAccountToken.Should().BeFalse();
        pod.AutomountServiceAccountToken.Should().BeTrue("the live catalog watches the API server with it");
    }
}
