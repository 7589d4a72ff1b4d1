using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

public class LinkPlannerConflictTests
{
    private static readonly StaticProjectCatalog Databases = CatalogOf(
        With("orders", Port(5432)),
        With("users", Port(3306)),
        Backend,
        Http("api"),
        Http("frontend", 80),
        With("web", Port(80, "http"), Port(9090, "metrics")),
        Postgres,
        With("analytics", Port(5432)) with { CredentialsSecret = "analytics-credentials" });

    [Fact]
    public void Two_links_with_the_same_default_name_are_denied_naming_both_and_an_explicit_fix()
    {
        ErrorOf("orders, users").Should().Be(
            "links \"orders\" and \"users\" would both set DATABASE_URL; name one explicitly, e.g. \"USERS_URL=users\"");
    }

    [Fact]
    public void Explicit_name_that_takes_another_links_default_is_denied_suggesting_a_name_for_the_other()
    {
        ErrorOf("API_URL=frontend, backend").Should().Be(
            "links \"API_URL=frontend\" and \"backend\" would both set API_URL; name one explicitly, e.g. \"BACKEND_URL=backend\"");
    }

    [Fact]
    public void Suggestion_goes_to_the_unnamed_link_even_when_it_comes_first()
    {
        ErrorOf("backend, API_URL=frontend").Should().Be(
            "links \"backend\" and \"API_URL=frontend\" would both set API_URL; name one explicitly, e.g. \"BACKEND_URL=backend\"");
    }

    [Fact]
    public void Two_explicit_links_with_one_name_are_told_to_use_different_names()
    {
        ErrorOf("X_URL=frontend, X_URL=api").Should().Be(
            "links \"X_URL=frontend\" and \"X_URL=api\" would both set X_URL; give them different names");
    }

    [Fact]
    public void Credential_variable_clashing_with_another_link_is_denied()
    {
        ErrorOf("postgres, DATABASE_USER=analytics").Should().Be(
            "links \"postgres\" and \"DATABASE_USER=analytics\" would both set DATABASE_USER; name one explicitly, e.g. \"POSTGRES_URL=postgres\"");
    }

    [Fact]
    public void Same_link_twice_is_denied_as_listed_twice()
    {
        ErrorOf("frontend, frontend").Should().Be("link \"frontend\" is listed twice");
    }

    [Fact]
    public void Suggested_name_is_never_the_name_the_links_clash_on()
    {
        // api's own default is API_URL, the very name backend's annotation gives.
        ErrorOf("backend, api").Should().Be(
            "links \"backend\" and \"api\" would both set API_URL; name one explicitly, e.g. \"BACKEND_URL=backend\"");
    }

    [Fact]
    public void Same_service_twice_on_different_ports_is_told_how_to_name_one()
    {
        ErrorOf("web, web:9090").Should().Be(
            "links \"web\" and \"web:9090\" would both set WEB_URL; name one explicitly, as \"NAME=web:9090\"");
    }

    [Fact]
    public void Two_credentialed_links_clash_in_one_message_naming_every_shared_variable()
    {
        ErrorOf("postgres, analytics").Should().Be(
            "links \"postgres\" and \"analytics\" would both set DATABASE_USER, DATABASE_PASSWORD, DATABASE_URL; "
            + "name one explicitly, e.g. \"ANALYTICS_URL=analytics\"");
    }

    [Fact]
    public void A_credentialed_link_listed_twice_is_reported_once()
    {
        ErrorOf("postgres, postgres").Should().Be("link \"postgres\" is listed twice");
    }

    [Fact]
    public void Clashing_links_inject_nothing_under_the_clashing_name_twice()
    {
        var plan = LinkPlanner.Plan("orders, users", Namespace, Databases);

        plan.IsValid.Should().BeFalse();
        plan.Variables.Select(v => v.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Explicit_names_resolve_a_clash()
    {
        var plan = LinkPlanner.Plan("orders, USERS_URL=users", Namespace, Databases);

        plan.Errors.Should().BeEmpty();
        plan.Variables.Select(v => v.Name).Should().Equal("DATABASE_URL", "USERS_URL");
    }

    private static string ErrorOf(string annotation)
    {
        var plan = LinkPlanner.Plan(annotation, Namespace, Databases);
        plan.IsValid.Should().BeFalse();
        return plan.Errors.Should().ContainSingle().Subject;
    }
}
