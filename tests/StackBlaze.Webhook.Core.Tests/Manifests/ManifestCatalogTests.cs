using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>The catalog <c>check</c> builds from manifests: Services, Ingresses, ConfigMaps and Namespaces.</summary>
public class ManifestCatalogTests
{
    private static StaticProjectCatalog FromFolders(params string[] names) =>
        ManifestCatalog.FromDocuments(ManifestReader.ReadAll(names.Select(Examples.Folder), TextReader.Null), "default");

    [Fact]
    public void Services_of_the_shop_example_are_read_with_their_public_urls()
    {
        var catalog = FromFolders("shop");

        catalog.ServiceNames("shop").Should().Equal("backend", "frontend", "postgres");
        catalog.FindService("shop", "backend")!.PublicUrls.Should().Be("https://api.shop.example.com");
    }

    [Fact]
    public void Annotation_and_ingress_hosts_are_public_routes()
    {
        var catalog = FromFolders("shop");

        catalog.FindPublicRoute("shop", "api.shop.example.com", "/v1")!.Service.Name.Should().Be("backend");
        var storefront = catalog.FindPublicRoute("shop", "shop.example.com", "/")!;
        storefront.Service.Name.Should().Be("frontend");
        storefront.Port.Should().Be(new ServicePortEntry("http", 80, null) { TargetPort = "8080" });
    }

    [Fact]
    public void A_service_that_is_not_shaped_as_one_is_a_one_line_error_with_its_place()
    {
        var documents = ManifestReader.Parse("""
            apiVersion: v1
            kind: Service
            metadata: {name: backend, namespace: shop}
            spec: {ports: "3000"}
            """, "bad.yaml");

        var read = () => ManifestCatalog.FromDocuments(documents, "default");

        read.Should().Throw<ManifestException>().Which.Message.Should().StartWith("bad.yaml:1: Service/backend: not a valid Service: ");
    }

    [Theory]
    [InlineData("targetPort: 8080", "8080")]
    [InlineData("targetPort: http", "http")]
    [InlineData("targetPort: '8080'", "8080")]
    [InlineData("targetPort: 3000", null)]
    public void Ports_are_read_whether_their_target_is_a_number_or_a_name(string targetPort, string? target)
    {
        var documents = ManifestReader.Parse($$"""
            apiVersion: v1
            kind: Service
            metadata: {name: backend, namespace: shop}
            spec:
              ports:
              - {name: http, port: 3000, {{targetPort}}}
            """, "svc.yaml");

        ManifestCatalog.FromDocuments(documents, "default").FindService("shop", "backend")!.Ports
            .Should().Equal(new ServicePortEntry("http", 3000, null) { TargetPort = target });
    }

    [Fact]
    public void Namespace_is_read_with_its_project_label_and_no_policy()
    {
        FromFolders("shop").FindNamespace("shop").Should().Be(new NamespaceEntry("shop", true, null));
    }

    [Fact]
    public void Config_map_addresses_are_read()
    {
        FromFolders("shop-public-urls").FindConfigMap("shop", "report-worker")!.Values.ToDictionary(v => v.Key, v => v.Value.Addresses)
            .Should().Equal(new Dictionary<string, string> { ["BACKEND_HOST"] = "api.shop.example.com" });
    }

    [Fact]
    public void Policy_label_is_read_from_the_namespace()
    {
        var catalog = ManifestCatalog.FromDocuments(
            ManifestReader.ReadAll([Json.FixturePath("manifests/public-urls-warn.yaml")], TextReader.Null), "default");

        catalog.FindNamespace("staging")!.PublicUrlPolicy.Should().Be("warn");
    }

    [Fact]
    public void Objects_without_a_namespace_take_the_default_one()
    {
        var catalog = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([Json.FixturePath("manifests/shop.yaml")], TextReader.Null), "shop");

        catalog.FindService("shop", "backend").Should().NotBeNull();
    }
}
