using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using static StackBlaze.Webhook.Tests.Support.Ingresses;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>What the live catalog gives the NetworkPolicy reconciler: the opted-in projects, and a version that says when to look again.</summary>
public class LiveProjectCatalogNetworkTests
{
    private readonly LiveProjectCatalog _catalog = new();

    [Fact]
    public void Only_projects_labelled_for_link_policies_are_given_with_their_services_and_ingresses()
    {
        _catalog.Upsert(Namespace("shop", project: true, policy: "links"));
        _catalog.Upsert(Namespace("blog", project: true, policy: null));
        _catalog.Upsert(Namespace("other", project: true, policy: "off"));
        _catalog.Upsert(Namespace("system", project: false, policy: "links"));
        foreach (var ns in new[] { "shop", "blog", "other", "system" })
        {
            _catalog.Upsert(Http("backend") with { Namespace = ns });
        }
        _catalog.Upsert(Entry([Rule("shop.example.com", Path("/", "backend", "3000"))], ns: "shop"));

        var network = _catalog.ProjectNetworks().Should().ContainSingle().Subject;

        network.Namespace.Should().Be("shop");
        network.Services.Should().ContainSingle().Which.Name.Should().Be("backend");
        network.Ingresses.Should().ContainSingle().Which.Name.Should().Be("web");
    }

    [Fact]
    public void The_network_version_changes_with_every_namespace_service_and_ingress_change_and_not_with_config_maps()
    {
        var versions = new List<long> { _catalog.NetworkVersion };
        void Step(Action change)
        {
            change();
            versions.Add(_catalog.NetworkVersion);
        }

        Step(() => _catalog.Upsert(Namespace("shop", project: true, policy: "links")));
        Step(() => _catalog.Upsert(Http("backend")));
        Step(() => _catalog.Upsert(Entry([Rule("shop.example.com", Path("/", "backend", "3000"))])));
        Step(() => _catalog.DeleteIngress("shop", "web"));
        Step(() => _catalog.DeleteService("shop", "backend"));
        Step(() => _catalog.DeleteNamespace("shop"));

        versions.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        var before = _catalog.NetworkVersion;
        _catalog.Upsert(ConfigMapEntry.FromConfigMap(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = "shop" } }, "shop"));
        _catalog.NetworkVersion.Should().Be(before);
    }

    [Fact]
    public void A_namespace_label_other_than_links_does_not_opt_in()
    {
        NamespaceEntry.FromNamespace(Labelled("links")).HasLinkPolicies.Should().BeTrue();
        NamespaceEntry.FromNamespace(Labelled("Links")).HasLinkPolicies.Should().BeFalse();
        NamespaceEntry.FromNamespace(Labelled("")).HasLinkPolicies.Should().BeFalse();
    }

    private static NamespaceEntry Namespace(string name, bool project, string? policy) =>
        new(name, project, null, HasLinkPolicies: policy == StackBlazeLabels.LinkNetworkPolicies);

    private static V1Namespace Labelled(string value) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "shop",
            Labels = new Dictionary<string, string> { [StackBlazeLabels.Project] = "", [StackBlazeLabels.NetworkPolicy] = value },
        },
    };
}
