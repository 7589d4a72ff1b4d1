using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

public class ServiceEntryTests
{
    [Fact]
    public void Service_is_projected_with_ports_and_our_annotations()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "postgres",
                NamespaceProperty = "shop",
                Annotations = new Dictionary<string, string>
                {
                    [StackBlazeAnnotations.CredentialsSecret] = "postgres-credentials",
                    [StackBlazeAnnotations.Database] = " mydb ",
                    [StackBlazeAnnotations.EnvName] = "PG_URL",
                    ["unrelated"] = "x",
                },
            },
            Spec = new V1ServiceSpec
            {
                Ports = [new V1ServicePort { Name = "postgres", Port = 5432, AppProtocol = "postgresql" }, new V1ServicePort { Port = 9187 }],
            },
        };

        var entry = ServiceEntry.FromService(service, "default");

        entry.Namespace.Should().Be("shop");
        entry.Name.Should().Be("postgres");
        entry.Ports.Should().Equal(Port(5432, "postgres", "postgresql"), Port(9187));
        entry.CredentialsSecret.Should().Be("postgres-credentials");
        entry.Database.Should().Be("mydb");
        entry.EnvName.Should().Be("PG_URL");
    }

    [Fact]
    public void Selector_target_ports_and_protocols_are_kept_for_the_network_policies()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "backend", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["tier"] = "api", ["app"] = "backend" },
                Ports =
                [
                    new V1ServicePort { Name = "http", Port = 80, TargetPort = 3000 },
                    new V1ServicePort { Name = "grpc", Port = 9090, TargetPort = "grpc", Protocol = "TCP" },
                    new V1ServicePort { Name = "dns", Port = 53, TargetPort = 53, Protocol = "UDP" },
                ],
            },
        };

        var entry = ServiceEntry.FromService(service, "default");

        entry.Selector.Should().Equal(KeyValuePair.Create("app", "backend"), KeyValuePair.Create("tier", "api"));
        entry.Ports.Select(p => (p.TargetPort, p.Protocol)).Should().Equal(("3000", null), ("grpc", null), (null, "UDP"));
    }

    [Theory]
    [InlineData(ServiceEntry.MaxSelectorLabels, ServiceEntry.MaxSelectorLabels)]
    [InlineData(ServiceEntry.MaxSelectorLabels + 1, 0)]
    [InlineData(10_000, 0)]
    public void A_selector_of_more_labels_than_any_chart_uses_is_not_kept(int labels, int kept)
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "backend", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec { Selector = Enumerable.Range(0, labels).ToDictionary(i => $"label-{i}", _ => "x") },
        };

        ServiceEntry.FromService(service, "shop").Selector.Should().HaveCount(kept);
    }

    [Fact]
    public void Default_namespace_stands_in_where_the_service_names_none()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "backend", NamespaceProperty = "" } };

        ServiceEntry.FromService(service, "shop").Namespace.Should().Be("shop");
    }

    [Fact]
    public void Service_without_spec_or_annotations_has_no_ports_and_no_settings()
    {
        var entry = ServiceEntry.FromService(new V1Service { Metadata = new V1ObjectMeta { Name = "bare" } }, "shop");

        entry.Ports.Should().BeEmpty();
        entry.EnvName.Should().BeNull();
        entry.CredentialsSecret.Should().BeNull();
        entry.Database.Should().BeNull();
    }

    [Fact]
    public void Empty_port_name_app_protocol_and_blank_annotations_count_as_absent()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "api",
                Annotations = new Dictionary<string, string> { [StackBlazeAnnotations.EnvName] = "  " },
            },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "", Port = 80, AppProtocol = "" }] },
        };

        var entry = ServiceEntry.FromService(service, "shop");

        entry.Ports.Should().Equal(Port(80));
        entry.EnvName.Should().BeNull();
    }
}
