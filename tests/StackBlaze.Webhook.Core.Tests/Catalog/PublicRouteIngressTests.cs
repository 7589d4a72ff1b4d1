using StackBlaze.Webhook.Core.Catalog;
using static StackBlaze.Webhook.Tests.Support.Ingresses;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>Public hosts from the rules of Ingresses, and the Service port each path leads to.</summary>
public class PublicRouteIngressTests
{
    private static readonly ServiceEntry Frontend = With("frontend", Port(80, "http"));
    private static readonly ServiceEntry Api = With("api", Port(3000, "http"), Port(9100, "metrics"));

    private static StaticProjectCatalog Catalog(params IngressEntry[] ingresses) => new([Frontend, Api], ingresses);

    private static readonly StaticProjectCatalog Storefront = Catalog(Entry([
        Rule("shop.example.com", Path("/", "frontend", "http"), Path("/api", "api", "3000"), Path("/api/metrics", "api", "metrics")),
    ]));

    [Theory]
    [InlineData("/", "frontend", "/")]
    [InlineData("/cart", "frontend", "/")]
    [InlineData("/api", "api", "/api")]
    [InlineData("/api/users", "api", "/api")]
    [InlineData("/apis", "frontend", "/")]
    [InlineData("/api/metrics/x", "api", "/api/metrics")]
    [InlineData("/api/metricsx", "api", "/api")]
    public void Longest_prefix_matching_whole_segments_wins(string path, string service, string prefix)
    {
        var route = Storefront.FindPublicRoute(Namespace, "shop.example.com", path)!;

        route.Service.Name.Should().Be(service);
        route.PathPrefix.Should().Be(prefix);
    }

    [Fact]
    public void Backend_port_is_found_by_number_and_by_name()
    {
        Storefront.FindPublicRoute(Namespace, "shop.example.com", "/api/users")!.Port.Should().Be(Port(3000, "http"));
        Storefront.FindPublicRoute(Namespace, "shop.example.com", "/api/metrics")!.Port.Should().Be(Port(9100, "metrics"));
    }

    [Fact]
    public void Backend_port_the_service_does_not_have_is_left_out()
    {
        var catalog = Catalog(Entry([Rule("shop.example.com", Path("/", "frontend", "grpc"))]));

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Backends_to_services_that_do_not_exist_are_ignored()
    {
        var catalog = Catalog(Entry([
            Rule("shop.example.com", Path("/", "frontend", "http"), Path("/ghost", "ghost", "80")),
            Rule("ghost.example.com", Path("/", "ghost", "80")),
        ]));

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/ghost/x")!.Service.Name.Should().Be("frontend");
        catalog.FindPublicRoute(Namespace, "ghost.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Tls_host_that_no_rule_names_is_served_by_the_rules()
    {
        var catalog = Catalog(Entry([Rule("shop.example.com", Path("/", "frontend", "http"))], tlsHosts: ["shop.example.com", "www.shop.example.com"]));

        catalog.FindPublicRoute(Namespace, "www.shop.example.com", "/")!.Service.Name.Should().Be("frontend");
        catalog.FindPublicRoute(Namespace, "shop.example.com", "/")!.Service.Name.Should().Be("frontend");
    }

    [Fact]
    public void Host_less_rule_is_public_on_the_tls_hosts_only()
    {
        var catalog = Catalog(Entry([Rule(null, Path("/", "frontend", "http"))], tlsHosts: ["shop.example.com"]));

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/")!.Service.Name.Should().Be("frontend");
        catalog.FindPublicRoute(Namespace, "other.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Host_less_rule_without_tls_makes_nothing_public()
    {
        var catalog = Catalog(Entry([Rule(null, Path("/", "frontend", "http"))]));

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Default_backend_is_public_on_the_tls_hosts()
    {
        var catalog = Catalog(Entry([], tlsHosts: ["shop.example.com"], defaultBackend: Backend("frontend", "http")));

        var route = catalog.FindPublicRoute(Namespace, "shop.example.com", "/anything")!;

        route.Service.Name.Should().Be("frontend");
        route.PathPrefix.Should().Be("/");
    }

    [Fact]
    public void Default_backend_without_a_port_takes_the_services_default_port()
    {
        var catalog = Catalog(Entry([], tlsHosts: ["shop.example.com"], defaultBackend: Backend("api", null)));

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/")!.Port.Should().Be(Port(3000, "http"));
    }
}
