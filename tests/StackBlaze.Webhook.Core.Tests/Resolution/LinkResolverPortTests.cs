using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

public class LinkResolverPortTests
{
    private static readonly ServiceEntry Api = With("api", Port(9090, "metrics"), Port(8080, "http"), Port(50051, "grpc-api"));

    private static readonly ServiceEntry Worker = With("worker", Port(9090, "metrics"), Port(8081));

    [Fact]
    public void Only_port_is_the_default()
    {
        Resolve("backend", Backend).Port.Port.Should().Be(3000);
    }

    [Fact]
    public void Port_named_http_is_the_default_among_several()
    {
        Resolve("api", Api).Port.Should().Be(Port(8080, "http"));
    }

    [Fact]
    public void Several_ports_and_none_named_http_is_an_error_listing_the_ports()
    {
        ResolveError("worker", Worker).Should().Be(
            "link \"worker\": service \"worker\" has several ports, 9090 (metrics), 8081, and none named http; choose one as worker:PORT");
    }

    [Theory]
    [InlineData("api:50051", 50051)]
    [InlineData("api:9090", 9090)]
    [InlineData("api:grpc-api", 50051)]
    [InlineData("api:metrics", 9090)]
    [InlineData("api:08080", 8080)]
    public void Port_is_chosen_by_number_or_by_name(string entry, int expected)
    {
        Resolve(entry, Api).Port.Port.Should().Be(expected);
    }

    [Fact]
    public void Unknown_port_is_an_error_listing_the_ports()
    {
        ResolveError("api:7000", Api).Should().Be(
            "link \"api:7000\": service \"api\" has no port \"7000\"; its ports are 9090 (metrics), 8080 (http), 50051 (grpc-api)");
    }

    [Fact]
    public void Service_without_ports_is_an_error()
    {
        ResolveError("headless", With("headless")).Should().Be("link \"headless\": service \"headless\" has no ports");
    }

    [Fact]
    public void Chosen_port_gives_the_scheme()
    {
        Resolve("api:grpc-api", Api).Scheme.Should().Be("grpc");
    }

    private static ResolvedLink Resolve(string annotation, params ServiceEntry[] services)
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse(annotation).Entries, Namespace, CatalogOf(services));
        resolution.Errors.Should().BeEmpty();
        return resolution.Links.Should().ContainSingle().Subject;
    }

    private static string ResolveError(string annotation, params ServiceEntry[] services)
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse(annotation).Entries, Namespace, CatalogOf(services));
        resolution.Links.Should().BeEmpty();
        return resolution.Errors.Should().ContainSingle().Subject;
    }
}
