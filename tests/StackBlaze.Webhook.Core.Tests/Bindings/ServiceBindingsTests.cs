using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>The bindings a links annotation plans, once, for every pod that asks for them.</summary>
public class ServiceBindingsTests
{
    [Theory]
    [InlineData("amqp", 5672, "rabbitmq")]
    [InlineData("tcp-postgresql", 5432, "postgresql")]
    [InlineData("mysql", 3306, "mysql")]
    [InlineData("mongo", 27017, "mongodb")]
    [InlineData("grpc", 50051, "grpc")]
    public void The_type_names_the_protocol_as_binding_clients_know_it(string portName, int port, string type)
    {
        var plan = LinkPlanner.PlanWithBindings("queue", Namespace, CatalogOf(With("queue", Port(port, portName))));

        plan.Bindings.Files.Single(f => f.AnnotationKey == "queue.bindings.stackblaze.io/type").Content.Should().Be(type);
    }

    [Fact]
    public void Cluster_hosts_are_written_as_the_variables_are()
    {
        var catalog = new StaticProjectCatalog([Http("backend")]) { Hosts = ServiceHosts.Create(HostStyle.Cluster, "cluster.local")! };

        var plan = LinkPlanner.PlanWithBindings("backend", Namespace, catalog);

        plan.Bindings.Files.Single(f => f.AnnotationKey == "backend.bindings.stackblaze.io/host").Content.Should().Be("backend.shop.svc.cluster.local");
        plan.Bindings.Files.Single(f => f.AnnotationKey == "backend.bindings.stackblaze.io/uri").Content.Should().Be(plan.Variables[0].Value);
    }

    [Fact]
    public void The_plan_of_a_pod_that_asks_ends_with_the_root_and_the_plain_plan_has_neither()
    {
        LinkPlanner.PlanWithBindings("backend", Namespace, Shop).Names.Should().Equal("API_URL", "SERVICE_BINDING_ROOT");
        var plain = LinkPlanner.Plan("backend", Namespace, Shop);
        plain.Names.Should().Equal("API_URL");
        plain.Bindings.Bindings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("postgres", "stackblaze-binding-postgres")]
    [InlineData("orders-database-with-a-name-of-forty-four-ch", "stackblaze-binding-orders-database-with-a-name-of-forty-four-ch")]
    [InlineData("orders-database-with-a-name-of-forty-five-cha", "stackblaze-binding-orders-database-with-a-name-of-fort-c34e1a7d")]
    public void A_binding_volume_is_named_by_its_service_and_kept_a_dns_label_with_a_hash(string service, string volume)
    {
        var plan = LinkPlanner.PlanWithBindings(service, Namespace, CatalogOf(Http(service)));

        plan.Bindings.Bindings.Single().VolumeName.Should().Be(volume).And.HaveLength(Math.Min(63, volume.Length));
    }

    [Fact]
    public void Two_long_names_alike_in_their_first_characters_get_volumes_of_their_own()
    {
        var first = Http(new string('a', 50) + "-one");
        var second = Http(new string('a', 50) + "-two");

        var plan = LinkPlanner.PlanWithBindings($"{first.Name}, {second.Name}", Namespace, CatalogOf(first, second));

        plan.Bindings.Bindings.Select(b => b.VolumeName).Should().OnlyHaveUniqueItems().And.AllSatisfy(n => n.Length.Should().Be(63));
    }

    [Fact]
    public void Two_names_made_to_share_a_volume_name_are_refused_rather_than_sharing_it()
    {
        // Found by trying names until the first 8 hex digits of their SHA-256 agreed: 32 bits are no secret from a tenant.
        var first = Http("orders-xxxxxxxxxxxxxxxxxxxxxxxxxxxx-000000014ad1a");
        var second = Http("orders-xxxxxxxxxxxxxxxxxxxxxxxxxxxx-0000000227aea");

        var plan = LinkPlanner.PlanWithBindings($"{first.Name}, {second.Name}", Namespace, CatalogOf(first, second));

        plan.Bindings.Errors.Should().Equal(
            $"link \"{second.Name}\": the Service's binding volume would be stackblaze-binding-orders-xxxxxxxxxxxxxxxxxxxxxxxxxxxx-cf63609d, as another link's is");
        plan.Bindings.Bindings.Should().BeEmpty();
    }

    [Fact]
    public void A_hundred_services_of_the_longest_names_with_credentials_are_refused_past_the_limit_before_the_volume_is_written()
    {
        var services = Enumerable.Range(0, ReviewLimits.MaxLinkEntries).Select(i => LongNamedServices.Numbered(i, Namespace)).ToArray();

        var plan = LinkPlanner.PlanWithBindings(LongNamedServices.LinkingAll(services), Namespace, CatalogOf(services));
        plan.Errors.Should().BeEmpty();

        plan.Bindings.Errors.Should().ContainSingle().Which.Should().MatchRegex(
            $"^the bindings of 100 Services add about \\d+ bytes to a pod; at most {ReviewLimits.MaxBindingBytes} are added to one pod$");
        plan.Bindings.Bindings.Should().BeEmpty("nothing of them is kept");
        plan.Names.Should().NotContain("SERVICE_BINDING_ROOT");
    }

    [Fact]
    public void Thirty_services_of_the_longest_names_fit_and_are_counted_in_what_the_plan_retains()
    {
        var services = Enumerable.Range(0, 30).Select(i => LongNamedServices.Numbered(i, Namespace)).ToArray();
        var annotation = LongNamedServices.LinkingAll(services);

        var plan = LinkPlanner.PlanWithBindings(annotation, Namespace, CatalogOf(services));

        plan.Bindings.IsValid.Should().BeTrue(string.Join("; ", plan.Bindings.Errors));
        var volumes = plan.Bindings.Bindings.Sum(b => b.VolumeJson.Length);
        plan.Bindings.PatchBytes.Should().BeLessThan(ReviewLimits.MaxBindingBytes).And.BeGreaterThan(volumes);
        plan.RetainedBytes.Should().BeGreaterThan(LinkPlanner.Plan(annotation, Namespace, CatalogOf(services)).RetainedBytes + volumes);
    }
}
