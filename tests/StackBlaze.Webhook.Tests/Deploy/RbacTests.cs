using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>What the webhook's service account may do: read the catalog's kinds, nothing else.</summary>
public sealed class RbacTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly string[] ReadOnly = ["get", "list", "watch"];

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Cluster_role_reads_namespaces_services_configmaps_and_ingresses_and_nothing_else(string overlay)
    {
        var manifests = overlays[overlay];
        var role = manifests.One<V1ClusterRole>();

        RenderedManifests.GrantedResources(role).Should().BeEquivalentTo(
            "/namespaces", "/services", "/configmaps", "networking.k8s.io/ingresses");
        role.Rules.Should().OnlyContain(rule => rule.Verbs.Order().SequenceEqual(ReadOnly));
        role.Rules.Should().OnlyContain(rule => rule.ResourceNames == null && rule.NonResourceURLs == null);
        role.AggregationRule.Should().BeNull();
        manifests.All<V1Role>().Should().BeEmpty();
        manifests.All<V1RoleBinding>().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void No_role_grants_secrets_or_wildcards(string overlay)
    {
        var manifests = overlays[overlay];

        var rules = manifests.All<V1ClusterRole>().SelectMany(r => r.Rules).ToList();
        rules.Should().NotBeEmpty();
        rules.SelectMany(r => r.Resources).Should().NotContain(["secrets", "*"]);
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
