using StackBlaze.Webhook.Core.Catalog;
using static StackBlaze.Webhook.Tests.Support.Ingresses;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>How a host is matched: wildcards, case, and the namespace it belongs to.</summary>
public class PublicRouteHostTests
{
    private static readonly ServiceEntry Frontend = With("frontend", Port(80, "http"));

    [Theory]
    [InlineData("eu.shop.example.com", true)]
    [InlineData("EU.Shop.Example.com", true)]
    [InlineData("a.eu.shop.example.com", false)]
    [InlineData("shop.example.com", false)]
    [InlineData("eushop.example.com", false)]
    public void Wildcard_matches_exactly_one_label(string host, bool matches)
    {
        var catalog = new StaticProjectCatalog([Frontend], [Entry([Rule("*.shop.example.com", Path("/", "frontend", "http"))])]);

        (catalog.FindPublicRoute(Namespace, host, "/") is not null).Should().Be(matches);
    }

    [Fact]
    public void Exact_host_wins_over_a_wildcard()
    {
        var api = With("api", Port(3000, "http")) with { PublicUrls = "https://api.shop.example.com" };
        var catalog = new StaticProjectCatalog([Frontend, api], [Entry([Rule("*.shop.example.com", Path("/", "frontend", "http"))])]);

        catalog.FindPublicRoute(Namespace, "api.shop.example.com", "/")!.Service.Name.Should().Be("api");
    }

    [Theory]
    [InlineData("Shop.Example.COM", "shop.example.com")]
    [InlineData("shop.example.com", "SHOP.example.com")]
    public void Hosts_are_matched_case_insensitively(string ruleHost, string asked)
    {
        var catalog = new StaticProjectCatalog([Frontend], [Entry([Rule(ruleHost, Path("/", "frontend", "http"))], tlsHosts: [ruleHost.ToUpperInvariant()])]);

        var route = catalog.FindPublicRoute(Namespace, asked, "/");

        route!.Host.Should().Be("shop.example.com");
    }

    [Fact]
    public void Annotation_host_is_matched_case_insensitively()
    {
        var catalog = CatalogOf(Services.Backend with { PublicUrls = "https://API.Shop.Example.com" });

        catalog.FindPublicRoute(Namespace, "api.SHOP.example.com", "/")!.Service.Name.Should().Be("backend");
    }

    [Fact]
    public void Another_namespaces_hosts_never_match()
    {
        var other = Frontend with { Namespace = "other" };
        var catalog = new StaticProjectCatalog(
            [Services.Backend with { PublicUrls = "https://api.shop.example.com" }, other],
            [Entry([Rule("other.example.com", Path("/", "frontend", "http"))], ns: "other")]);

        catalog.FindPublicRoute("other", "api.shop.example.com", "/").Should().BeNull();
        catalog.FindPublicRoute(Namespace, "other.example.com", "/").Should().BeNull();
        catalog.FindPublicRoute("other", "other.example.com", "/")!.Service.Should().Be(other);
    }

    [Fact]
    public void Ingress_backend_is_a_service_of_its_own_namespace_only()
    {
        var catalog = new StaticProjectCatalog([Frontend], [Entry([Rule("other.example.com", Path("/", "frontend", "http"))], ns: "other")]);

        catalog.FindPublicRoute("other", "other.example.com", "/").Should().BeNull();
        catalog.FindPublicRoute(Namespace, "other.example.com", "/").Should().BeNull();
    }
}
