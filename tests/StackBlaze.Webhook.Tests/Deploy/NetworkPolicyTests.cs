using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The NetworkPolicy in front of the webhook pods: the webhook port from the API server, the
/// metrics port from the monitoring namespace, both set in deploy/base/network-access.yaml.
/// </summary>
public sealed class NetworkPolicyTests(RenderedOverlays overlays, NarrowedNetworkAccess narrowed)
    : IClassFixture<RenderedOverlays>, IClassFixture<NarrowedNetworkAccess>
{
    private const string WebhookPort = "https";
    private const string MetricsPort = "metrics";

    public static TheoryData<string> Installable => RenderedOverlays.Installable;

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Policy_selects_exactly_the_webhook_pods_and_restricts_only_their_ingress(string overlay)
    {
        var manifests = overlays[overlay];
        var policy = manifests.One<V1NetworkPolicy>();
        var deployment = manifests.Deployment;

        policy.Metadata.NamespaceProperty.Should().Be(deployment.Metadata.NamespaceProperty);
        policy.Spec.PodSelector.MatchLabels.Should().Equal(deployment.Spec.Selector.MatchLabels);
        policy.Spec.PodSelector.MatchLabels.Should().Equal(deployment.Spec.Template.Metadata.Labels);
        policy.Spec.PodSelector.MatchExpressions.Should().BeNullOrEmpty();
        policy.Spec.PolicyTypes.Should().Equal("Ingress");
        policy.Spec.Egress.Should().BeNullOrEmpty("the webhook lists and watches the API server, wherever it is");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Policy_opens_only_the_webhook_port_and_the_metrics_port_one_rule_each(string overlay)
    {
        var manifests = overlays[overlay];
        var rules = manifests.One<V1NetworkPolicy>().Spec.Ingress;

        rules.Should().OnlyContain(rule => rule.Ports != null && rule.Ports.Count == 1, "a rule without ports opens every port");
        rules.Select(rule => (rule.Ports[0].Port.Value, rule.Ports[0].Protocol)).Should().BeEquivalentTo(
            [(WebhookPort, "TCP"), (MetricsPort, "TCP")]);
        rules.Should().OnlyContain(rule => rule.Ports[0].EndPort == null);
        var https = manifests.Container.Ports.Should().ContainSingle(p => p.Name == WebhookPort).Subject;
        https.ContainerPort.Should().Be(8443);
        manifests.Container.ReadinessProbe.HttpGet.Port.Value.Should().BeOneOf(WebhookPort, "8443");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Webhook_port_is_open_to_any_source_until_the_api_server_range_is_set(string overlay)
    {
        var rule = WebhookRule(overlays[overlay]);

        rule.FromProperty.Should().BeNullOrEmpty("a guessed range would stop pod creation in every project");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Metrics_port_is_open_only_to_pods_of_the_namespace_named_monitoring(string overlay)
    {
        var peer = MetricsRule(overlays[overlay]).FromProperty.Should().ContainSingle().Subject;

        peer.IpBlock.Should().BeNull();
        peer.PodSelector.Should().BeNull();
        peer.NamespaceSelector.MatchExpressions.Should().BeNullOrEmpty();
        peer.NamespaceSelector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "monitoring" });
    }

    [Theory]
    [MemberData(nameof(Installable))]
    public void Api_server_sources_set_in_network_access_reach_the_webhook_port_rule_as_written(string overlay)
    {
        var rule = WebhookRule(narrowed[overlay]);

        rule.FromProperty.Select(peer => peer.IpBlock?.Cidr).Should().Contain(["192.0.2.0/28", "2001:db8::/64"]);
        JsonNode.DeepEquals(JsonNode.Parse(KubernetesJson.Serialize(rule)), narrowed.Settings["webhookPort"])
            .Should().BeTrue("the rule is webhookPort of the settings, sources and port as written");
        rule.Ports.Should().ContainSingle().Which.Port.Value.Should().Be(WebhookPort);
    }

    [Theory]
    [MemberData(nameof(Installable))]
    public void Monitoring_namespace_labels_set_in_network_access_select_who_reaches_the_metrics_port(string overlay)
    {
        var peer = MetricsRule(narrowed[overlay]).FromProperty.Should().ContainSingle().Subject;
        var labels = narrowed.Settings["monitoringNamespace"]!.AsObject().ToDictionary(label => label.Key, label => (string)label.Value!);

        labels.Should().Equal(new Dictionary<string, string> { ["observability.example.com/prometheus"] = "true" });
        peer.NamespaceSelector.MatchLabels.Should().Equal(labels);
        peer.IpBlock.Should().BeNull();
        peer.PodSelector.Should().BeNull();
    }

    private static V1NetworkPolicyIngressRule WebhookRule(RenderedManifests manifests) => Rule(manifests, WebhookPort);

    private static V1NetworkPolicyIngressRule MetricsRule(RenderedManifests manifests) => Rule(manifests, MetricsPort);

    private static V1NetworkPolicyIngressRule Rule(RenderedManifests manifests, string port) =>
        manifests.One<V1NetworkPolicy>().Spec.Ingress.Should().ContainSingle(rule => rule.Ports.Any(p => p.Port.Value == port)).Subject;
}
