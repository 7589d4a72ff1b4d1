using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

public class LinkPlannerAddressFormTests
{
    private static readonly StaticProjectCatalog Boutique = CatalogOf(
        With("productcatalogservice", Port(3550, "grpc")),
        With("redis-cart", Port(6379, "tcp-redis")) with { EnvName = "REDIS_ADDR" },
        Postgres);

    [Fact]
    public void Addr_names_get_host_and_port()
    {
        Values("PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice")
            .Should().Equal("PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice.internal:3550");
    }

    [Fact]
    public void Env_name_annotation_of_the_service_chooses_the_form_too()
    {
        Values("redis-cart").Should().Equal("REDIS_ADDR=redis-cart.internal:6379");
    }

    [Fact]
    public void One_service_linked_under_three_names_gives_host_port_and_url()
    {
        Values("DB_HOST=postgres, DB_PORT=postgres, DATABASE_URL=postgres").Should().Equal(
            "DB_HOST=postgres.internal",
            "DB_PORT=5432",
            "DATABASE_USER=",
            "DATABASE_PASSWORD=",
            "DATABASE_URL=postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb");
    }

    [Theory]
    [InlineData("DB_HOST=postgres", "DB_HOST=postgres.internal")]
    [InlineData("DB_PORT=postgres", "DB_PORT=5432")]
    [InlineData("DB_ADDR=postgres", "DB_ADDR=postgres.internal:5432")]
    public void Credentialed_service_in_a_non_url_form_injects_no_credentials(string link, string expected)
    {
        var plan = LinkPlanner.Plan(link, Namespace, Boutique);

        plan.Errors.Should().BeEmpty();
        plan.Variables.Select(v => $"{v.Name}={v.Value}").Should().Equal(expected);
        plan.Variables.Should().OnlyContain(v => v.SecretName == null);
    }

    [Fact]
    public void Two_entries_giving_the_same_name_are_still_an_error()
    {
        var plan = LinkPlanner.Plan("DB_HOST=postgres, DB_HOST=productcatalogservice", Namespace, Boutique);

        plan.Errors.Should().ContainSingle().Which.Should().Contain("would both set DB_HOST");
    }

    [Fact]
    public void Explicit_name_outside_the_rule_is_a_syntax_error()
    {
        var plan = LinkPlanner.Plan("db-host=postgres", Namespace, Boutique);

        plan.Errors.Should().ContainSingle().Which.Should().Be(
            "link \"db-host=postgres\" is not of the form [ENV_NAME=]service[:port]: the variable name must match [A-Z_][A-Z0-9_]*, or be PG* for libpq's variables");
    }

    private static IEnumerable<string> Values(string annotation)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Boutique);
        plan.Errors.Should().BeEmpty();
        return plan.Variables.Select(v => $"{v.Name}={v.Value}");
    }
}
