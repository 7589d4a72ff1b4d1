using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>The address to write instead: same path and query, the Service's port and scheme.</summary>
public class PublicUrlCheckerInternalUrlTests
{
    private static string Suggested(string value, StaticProjectCatalog? catalog = null) =>
        PublicUrlChecker.Check(Pods.Read(Pods.Element(Pod("API", value))), new HashSet<string>(), Services.Namespace, catalog ?? Project())
            .Should().ContainSingle().Subject.InternalAddress;

    [Theory]
    [InlineData("https://backend.myapp.com/api/users", "http://backend.internal:3000/api/users")]
    [InlineData("https://backend.myapp.com/api/users?page=2&sort=name", "http://backend.internal:3000/api/users?page=2&sort=name")]
    [InlineData("https://backend.myapp.com", "http://backend.internal:3000")]
    [InlineData("https://backend.myapp.com/", "http://backend.internal:3000/")]
    [InlineData("https://backend.myapp.com:443/v1", "http://backend.internal:3000/v1")]
    [InlineData("https://svc:s3cret@backend.myapp.com/v1", "http://backend.internal:3000/v1")]
    [InlineData("backend.myapp.com", "backend.internal")]
    [InlineData("backend.myapp.com:443", "backend.internal:3000")]
    [InlineData("backend.myapp.com/api/users", "backend.internal:3000/api/users")]
    [InlineData("backend.myapp.com:443/api", "backend.internal:3000/api")]
    [InlineData("dns:///backend.myapp.com:443", "dns:///backend.internal:3000")]
    [InlineData("dns:backend.myapp.com", "dns:///backend.internal:3000")]
    [InlineData("dns://8.8.8.8/backend.myapp.com.:443", "dns:///backend.internal:3000")]
    public void Internal_url_keeps_path_and_query_with_the_service_port(string value, string expected)
    {
        var catalog = Services.CatalogOf(Services.Backend with { PublicUrls = "https://backend.myapp.com" });

        Suggested(value, catalog).Should().Be(expected);
    }

    [Theory]
    [InlineData("grpc", null, 9090, "grpc://api.internal:9090/orders.v1")]
    [InlineData("https", null, 8443, "https://api.internal:8443/orders.v1")]
    [InlineData("web", "kubernetes.io/h2c", 8080, "http://api.internal:8080/orders.v1")]
    public void Scheme_is_the_one_of_the_service_port(string portName, string? appProtocol, int port, string expected)
    {
        var api = Services.With("api", Services.Port(port, portName, appProtocol)) with { PublicUrls = "https://api.myapp.com" };

        Suggested("https://api.myapp.com/orders.v1", Services.CatalogOf(api)).Should().Be(expected);
    }
}
