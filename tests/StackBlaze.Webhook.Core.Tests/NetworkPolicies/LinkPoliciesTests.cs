using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.NetworkPolicies;
using static StackBlaze.Webhook.Tests.Support.Ingresses;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

public class LinkPoliciesTests
{
    private static readonly V1LabelSelector IngressNamespaces = Selector("kubernetes.io/metadata.name", "ingress-nginx");
    private static readonly V1LabelSelector MonitoringNamespaces = Selector("kubernetes.io/metadata.name", "monitoring");
    private static readonly LinkPolicyOptions Both = new(IngressNamespaces, MonitoringNamespaces);
    private static readonly string[] ServiceNames = ["worker", "api", "cache"];

    [Fact]
    public void A_service_gets_a_policy_selecting_its_pods_that_admits_its_callers_and_its_own_pods_on_its_target_ports()
    {
        var backend = Service("backend", new() { ["app"] = "backend", ["tier"] = "api" },
            new V1ServicePort { Name = "http", Port = 80, TargetPort = 3000 },
            new V1ServicePort { Name = "grpc", Port = 9090, TargetPort = "grpc" },
            new V1ServicePort { Name = "dns", Port = 53, Protocol = "UDP" });

        var policy = LinkPolicies.For(new ProjectNetwork("shop", [backend], []), Both).Should().ContainSingle().Subject;

        policy.Metadata.Name.Should().Be("stackblaze-links-backend");
        policy.Metadata.NamespaceProperty.Should().Be("shop");
        policy.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "stackblaze-webhook" });
        policy.Spec.PodSelector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["app"] = "backend", ["tier"] = "api" });
        policy.Spec.PolicyTypes.Should().Equal("Ingress");
        policy.Spec.Egress.Should().BeNull("egress stays open, so DNS keeps working");
        var rule = policy.Spec.Ingress.Should().ContainSingle("no port is a metrics port, and the Service is not public").Subject;
        rule.Ports.Select(p => (p.Port.Value, p.Protocol)).Should().Equal(("3000", "TCP"), ("grpc", "TCP"), ("53", "UDP"));
        rule.FromProperty.Should().HaveCount(2);
        rule.FromProperty[0].PodSelector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["links.stackblaze.io/backend"] = "true" });
        rule.FromProperty[1].PodSelector.MatchLabels.Should().Equal(policy.Spec.PodSelector.MatchLabels);
        rule.FromProperty.Should().OnlyContain(peer => peer.NamespaceSelector == null && peer.IpBlock == null, "pod selectors alone keep to the project");
    }

    [Fact]
    public void Numeric_target_ports_are_written_as_numbers_for_the_API_server_reads_a_string_as_a_port_name()
    {
        var backend = Service("backend", new() { ["app"] = "backend" }, new V1ServicePort { Port = 80, TargetPort = 3000 });

        var json = KubernetesJson.Serialize(LinkPolicies.For(new ProjectNetwork("shop", [backend], []), Both)[0]);

        json.Should().Contain("\"port\":3000").And.NotContain("\"port\":\"3000\"");
    }

    [Fact]
    public void Two_service_ports_to_one_target_port_admit_it_once()
    {
        var web = Service("web", new() { ["app"] = "web" },
            new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }, new V1ServicePort { Name = "alt", Port = 8080 });

        LinkPolicies.For(new ProjectNetwork("shop", [web], []), Both)[0].Spec.Ingress[0].Ports.Should().ContainSingle()
            .Which.Port.Value.Should().Be("8080");
    }

    [Fact]
    public void A_service_without_a_selector_or_of_type_external_name_gets_no_policy_for_an_empty_pod_selector_would_select_every_pod()
    {
        var external = ServiceEntry.FromService(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "payments", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec
            {
                Type = "ExternalName",
                ExternalName = "payments.example.com",
                Selector = new Dictionary<string, string> { ["app"] = "payments" },
                Ports = [new V1ServicePort { Port = 443 }],
            },
        }, "shop");
        var manual = Service("legacy", [], new V1ServicePort { Port = 80 });

        LinkPolicies.For(new ProjectNetwork("shop", [external, manual], []), Both).Should().BeEmpty();
    }

    [Fact]
    public void Policies_come_sorted_by_name_one_per_service()
    {
        var services = ServiceNames.Select(name => Service(name, new() { ["app"] = name }, new V1ServicePort { Port = 80 }));

        LinkPolicies.For(new ProjectNetwork("shop", [.. services], []), Both).Select(p => p.Metadata.Name)
            .Should().Equal("stackblaze-links-api", "stackblaze-links-cache", "stackblaze-links-worker");
    }

    [Theory]
    [InlineData("annotation")]
    [InlineData("ingress rule")]
    [InlineData("ingress default backend")]
    public void A_public_service_also_admits_the_ingress_namespaces_on_its_target_ports(string madePublicBy)
    {
        var frontend = Service("frontend", new() { ["app"] = "frontend" }, new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 });
        IngressEntry[] ingresses = [];
        switch (madePublicBy)
        {
            case "annotation":
                frontend = frontend with { PublicUrls = "https://shop.example.com" };
                break;
            case "ingress rule":
                ingresses = [Entry([Rule("shop.example.com", Path("/", "frontend", "http"))], ns: "shop")];
                break;
            default:
                ingresses = [Entry([], defaultBackend: Backend("frontend", "80"), ns: "shop")];
                break;
        }

        var rule = LinkPolicies.For(new ProjectNetwork("shop", [frontend], ingresses), Both)[0].Spec.Ingress.Should().ContainSingle().Subject;

        rule.FromProperty.Should().HaveCount(3);
        rule.FromProperty[2].NamespaceSelector.Should().BeSameAs(IngressNamespaces);
        rule.FromProperty[2].PodSelector.Should().BeNull("every pod of the ingress namespaces");
        rule.Ports.Should().ContainSingle().Which.Port.Value.Should().Be("8080");
    }

    [Fact]
    public void A_service_no_ingress_names_and_without_a_public_url_does_not_admit_the_ingress_namespaces()
    {
        var backend = Service("backend", new() { ["app"] = "backend" }, new V1ServicePort { Port = 3000 });
        var ingress = Entry([Rule("shop.example.com", Path("/", "frontend", "80"))], ns: "shop");

        LinkPolicies.For(new ProjectNetwork("shop", [backend], [ingress]), Both)[0].Spec.Ingress[0].FromProperty
            .Should().OnlyContain(peer => peer.NamespaceSelector == null);
    }

    [Fact]
    public void Without_an_ingress_selector_a_public_service_admits_no_other_namespace()
    {
        var frontend = Service("frontend", new() { ["app"] = "frontend" }, new V1ServicePort { Port = 80 }) with { PublicUrls = "shop.example.com" };

        LinkPolicies.For(new ProjectNetwork("shop", [frontend], []), new LinkPolicyOptions(null, MonitoringNamespaces))[0].Spec.Ingress
            .Should().ContainSingle().Which.FromProperty.Should().OnlyContain(peer => peer.NamespaceSelector == null);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("http-metrics")]
    [InlineData("metrics-tls")]
    public void Metrics_ports_also_admit_the_monitoring_namespaces_and_on_those_ports_only(string portName)
    {
        var backend = Service("backend", new() { ["app"] = "backend" },
            new V1ServicePort { Name = "http", Port = 80, TargetPort = 3000 }, new V1ServicePort { Name = portName, Port = 9090, TargetPort = 9102 });

        var rules = LinkPolicies.For(new ProjectNetwork("shop", [backend], []), Both)[0].Spec.Ingress;

        rules.Should().HaveCount(2);
        rules[0].Ports.Select(p => p.Port.Value).Should().Equal("3000", "9102");
        rules[1].Ports.Should().ContainSingle().Which.Port.Value.Should().Be("9102");
        rules[1].FromProperty.Should().ContainSingle().Which.NamespaceSelector.Should().BeSameAs(MonitoringNamespaces);
    }

    [Theory]
    [InlineData("metricsx")]
    [InlineData("prometheus")]
    [InlineData("http")]
    public void Ports_not_named_for_metrics_or_a_missing_monitoring_selector_give_no_monitoring_rule(string portName)
    {
        var backend = Service("backend", new() { ["app"] = "backend" }, new V1ServicePort { Name = portName, Port = 9090 });
        var metrics = Service("exporter", new() { ["app"] = "exporter" }, new V1ServicePort { Name = "metrics", Port = 9090 });

        LinkPolicies.For(new ProjectNetwork("shop", [backend], []), Both)[0].Spec.Ingress.Should().ContainSingle();
        LinkPolicies.For(new ProjectNetwork("shop", [metrics], []), new LinkPolicyOptions(IngressNamespaces, null))[0].Spec.Ingress.Should().ContainSingle();
    }

    private static ServiceEntry Service(string name, Dictionary<string, string> selector, params V1ServicePort[] ports) =>
        ServiceEntry.FromService(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec { Selector = selector, Ports = ports },
        }, "shop");

    private static V1LabelSelector Selector(string key, string value) => new() { MatchLabels = new Dictionary<string, string> { [key] = value } };
}
