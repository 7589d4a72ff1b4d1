using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>Public hosts from the <c>stackblaze.io/public-url</c> annotation of Services.</summary>
public class PublicRouteAnnotationTests
{
    [Theory]
    [InlineData("api.shop.example.com")]
    [InlineData("api2.shop.example.com")]
    [InlineData("partners.example.net")]
    public void Each_comma_separated_url_with_or_without_scheme_is_a_public_host(string host)
    {
        var catalog = CatalogOf(Backend with { PublicUrls = "https://api.shop.example.com, api2.shop.example.com ,,http://partners.example.net:8443" });

        var route = catalog.FindPublicRoute(Namespace, host, "/");

        route.Should().NotBeNull();
        route!.Service.Should().Be(catalog.FindService(Namespace, "backend"));
        route.Port.Should().Be(Port(3000, "http"));
        route.Host.Should().Be(host);
    }

    [Fact]
    public void Url_with_a_path_serves_that_path_and_its_host_stays_public_elsewhere()
    {
        var catalog = CatalogOf(Backend with { PublicUrls = "https://shop.example.com/api" });

        catalog.FindPublicRoute(Namespace, "shop.example.com", "/api/users")!.PathPrefix.Should().Be("/api");
        catalog.FindPublicRoute(Namespace, "shop.example.com", "/cart")!.Service.Name.Should().Be("backend");
    }

    [Fact]
    public void Host_that_no_annotation_names_is_not_public()
    {
        CatalogOf(Backend with { PublicUrls = "https://api.shop.example.com" }).FindPublicRoute(Namespace, "shop.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Service_with_several_ports_leads_to_the_one_named_http()
    {
        var service = With("api", Port(9090, "grpc"), Port(8080, "http")) with { PublicUrls = "api.shop.example.com" };

        CatalogOf(service).FindPublicRoute(Namespace, "api.shop.example.com", "/")!.Port.Should().Be(Port(8080, "http"));
    }

    [Fact]
    public void Service_without_ports_has_no_public_route()
    {
        CatalogOf(With("api") with { PublicUrls = "api.shop.example.com" }).FindPublicRoute(Namespace, "api.shop.example.com", "/").Should().BeNull();
    }
}
