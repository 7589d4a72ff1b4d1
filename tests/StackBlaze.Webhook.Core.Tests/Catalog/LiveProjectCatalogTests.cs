using StackBlaze.Webhook.Core.Catalog;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>The live catalog as list and watch feed it: Services and Ingresses, their public routes, and when it is synced.</summary>
public class LiveProjectCatalogTests
{
    private readonly LiveProjectCatalog _catalog = new();

    [Fact]
    public void Upserted_service_is_found_and_a_second_upsert_replaces_it()
    {
        _catalog.Upsert(Http("backend", 3000));
        _catalog.Upsert(Http("backend", 3100));

        _catalog.FindService("shop", "backend")!.Ports.Should().ContainSingle().Which.Port.Should().Be(3100);
        _catalog.ServiceCount.Should().Be(1);
    }

    [Fact]
    public void Deleted_service_is_gone_and_its_name_leaves_the_list()
    {
        _catalog.Upsert(Http("backend"));
        _catalog.Upsert(Http("frontend"));

        _catalog.DeleteService("shop", "backend");

        _catalog.FindService("shop", "backend").Should().BeNull();
        _catalog.ServiceNames("shop").Should().Equal("frontend");
    }

    [Fact]
    public void Deleting_what_was_never_there_changes_nothing()
    {
        _catalog.DeleteService("nowhere", "backend");
        _catalog.DeleteIngress("nowhere", "web");
        _catalog.DeleteConfigMap("nowhere", "settings");
        _catalog.DeleteNamespace("nowhere");

        _catalog.FindNamespace("nowhere").Should().BeNull();
        _catalog.ServiceCount.Should().Be(0);
    }

    [Fact]
    public void Services_of_one_namespace_share_one_namespace_string()
    {
        // Each object read from the API server brings its own copy of the namespace's name.
        _catalog.Upsert(Http("backend") with { Namespace = new string("shop".AsSpan()) });
        _catalog.Upsert(Http("frontend") with { Namespace = new string("shop".AsSpan()) });

        var backend = _catalog.FindService("shop", "backend")!;
        var frontend = _catalog.FindService("shop", "frontend")!;
        ReferenceEquals(backend.Namespace, frontend.Namespace).Should().BeTrue();
    }

    [Fact]
    public void Replace_keeps_exactly_the_listed_services_and_drops_the_stale_ones()
    {
        _catalog.Upsert(Http("backend"));
        _catalog.Upsert(Http("gone"));
        _catalog.Upsert(Http("elsewhere") with { Namespace = "other" });

        _catalog.Replace([Http("backend", 3100), Http("cart")]);

        _catalog.ServiceNames("shop").Should().Equal("backend", "cart");
        _catalog.ServiceNames("other").Should().BeEmpty();
        _catalog.FindService("shop", "backend")!.Ports[0].Port.Should().Be(3100);
    }

    [Fact]
    public void Public_routes_are_built_again_after_a_service_changes()
    {
        _catalog.Upsert(Backend);
        _catalog.FindPublicRoute("shop", "api.shop.example.com", "/").Should().BeNull();

        _catalog.Upsert(Backend with { PublicUrls = "https://api.shop.example.com" });
        _catalog.FindPublicRoute("shop", "api.shop.example.com", "/")!.Service.Name.Should().Be("backend");

        _catalog.DeleteService("shop", "backend");
        _catalog.FindPublicRoute("shop", "api.shop.example.com", "/").Should().BeNull();
    }

    [Fact]
    public void Public_routes_are_built_again_after_an_ingress_comes_and_goes()
    {
        _catalog.Upsert(Backend);
        var ingress = new IngressEntry("shop", "web", [new IngressPath("shop.example.com", "/", "backend", "http")], []);

        _catalog.Upsert(ingress);
        _catalog.FindPublicRoute("shop", "shop.example.com", "/cart")!.Port.Port.Should().Be(3000);

        _catalog.DeleteIngress("shop", "web");
        _catalog.FindPublicRoute("shop", "shop.example.com", "/cart").Should().BeNull();
    }

    [Fact]
    public void It_is_synced_only_once_every_kind_has_been_listed()
    {
        foreach (var kind in new[] { CatalogKind.Namespaces, CatalogKind.Services, CatalogKind.Ingresses })
        {
            _catalog.MarkSynced(kind);
            _catalog.IsSynced.Should().BeFalse($"{kind} is not the last kind");
        }

        _catalog.MarkSynced(CatalogKind.ConfigMaps);

        _catalog.IsSynced.Should().BeTrue();
        _catalog.HasSynced(CatalogKind.ConfigMaps).Should().BeTrue();
    }
}
