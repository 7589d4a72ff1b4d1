using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

public class LinkResolverEnvNameTests
{
    private static readonly ServiceEntry NamedDatabase = With("db", Port(5432)) with { EnvName = "ORDERS_DB_URL" };

    private static readonly ServiceEntry Database = With("db", Port(5432));

    [Fact]
    public void Explicit_name_wins_over_the_service_annotation()
    {
        EnvNameOf("PRIMARY_URL=db", NamedDatabase).Should().Be("PRIMARY_URL");
    }

    [Fact]
    public void Service_annotation_wins_over_the_protocol_default()
    {
        EnvNameOf("db", NamedDatabase).Should().Be("ORDERS_DB_URL");
    }

    [Fact]
    public void Protocol_default_wins_over_the_service_name()
    {
        EnvNameOf("db", Database).Should().Be("DATABASE_URL");
    }

    [Fact]
    public void Service_name_gives_the_name_when_nothing_else_does()
    {
        EnvNameOf("order-api", Http("order-api")).Should().Be("ORDER_API_URL");
    }

    [Fact]
    public void Protocol_default_follows_the_chosen_port()
    {
        var cache = With("cache", Port(8080, "http"), Port(6379, "redis"));

        EnvNameOf("cache", cache).Should().Be("CACHE_URL");
        EnvNameOf("cache:redis", cache).Should().Be("REDIS_URL");
    }

    [Fact]
    public void Invalid_name_in_the_service_annotation_is_an_error()
    {
        var service = Http("backend") with { EnvName = "api-url" };

        var resolution = LinkResolver.Resolve(LinkGrammar.Parse("backend").Entries, Namespace, CatalogOf(service));

        resolution.Links.Should().BeEmpty();
        resolution.Errors.Should().ContainSingle().Which.Should().Be(
            "link \"backend\": service \"backend\" has annotation stackblaze.io/env-name: \"api-url\", "
            + "which is not a variable name ([A-Z_][A-Z0-9_]*); fix it or name the variable in the link");
    }

    [Fact]
    public void Naming_the_variable_in_the_link_gets_past_an_invalid_service_annotation()
    {
        // The message above offers this as the way out, so it has to work.
        var service = Http("backend") with { EnvName = "api-url" };

        EnvNameOf("API_URL=backend", service).Should().Be("API_URL");
    }

    private static string EnvNameOf(string annotation, ServiceEntry service)
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse(annotation).Entries, Namespace, CatalogOf(service));
        resolution.Errors.Should().BeEmpty();
        return resolution.Links.Should().ContainSingle().Subject.EnvName;
    }
}
