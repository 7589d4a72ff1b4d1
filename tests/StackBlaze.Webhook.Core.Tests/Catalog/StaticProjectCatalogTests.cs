using StackBlaze.Webhook.Core.Catalog;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

public class StaticProjectCatalogTests
{
    [Fact]
    public void Service_is_found_by_namespace_and_name()
    {
        Shop.FindService("shop", "backend").Should().Be(Backend);
    }

    [Theory]
    [InlineData("shop", "payments")]
    [InlineData("other", "backend")]
    [InlineData("shop", "Backend")]
    public void Service_of_another_name_or_namespace_is_not_found(string ns, string name)
    {
        Shop.FindService(ns, name).Should().BeNull();
    }

    [Fact]
    public void Names_are_sorted_and_per_namespace()
    {
        var catalog = CatalogOf(Http("zeta"), Http("alpha"), Http("mid") with { Namespace = "other" });

        catalog.ServiceNames("shop").Should().Equal("alpha", "zeta");
        catalog.ServiceNames("other").Should().Equal("mid");
        catalog.ServiceNames("none").Should().BeEmpty();
        catalog.Count.Should().Be(3);
    }

    [Fact]
    public void Last_definition_of_a_service_wins()
    {
        var catalog = CatalogOf(Http("backend", 3000), Http("backend", 8080));

        catalog.FindService("shop", "backend")!.Ports.Should().Equal(Port(8080));
        catalog.Count.Should().Be(1);
    }

    [Fact]
    public void Empty_catalog_has_nothing()
    {
        StaticProjectCatalog.Empty.Count.Should().Be(0);
        StaticProjectCatalog.Empty.ServiceNames("shop").Should().BeEmpty();
    }

    [Fact]
    public void Port_is_shown_with_its_name_when_it_has_one()
    {
        Port(3000, "http").ToString().Should().Be("3000 (http)");
        Port(3000).ToString().Should().Be("3000");
    }
}
