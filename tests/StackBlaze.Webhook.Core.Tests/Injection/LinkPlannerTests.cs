using StackBlaze.Webhook.Core.Injection;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

public class LinkPlannerTests
{
    [Fact]
    public void Frontend_of_the_example_gets_api_and_database_variables_in_order()
    {
        var plan = LinkPlanner.Plan("backend, postgres", Namespace, Shop);

        plan.Errors.Should().BeEmpty();
        plan.Variables.Select(v => (v.Name, v.Value)).Should().Equal(
            ("API_URL", "http://backend.internal:3000"),
            ("DATABASE_USER", null),
            ("DATABASE_PASSWORD", null),
            ("DATABASE_URL", "postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb"));
    }

    [Fact]
    public void Password_never_appears_as_a_plain_value()
    {
        var plan = LinkPlanner.Plan("postgres", Namespace, Shop);

        plan.Variables.Single(v => v.Name == "DATABASE_PASSWORD").Should().Be(
            InjectedVariable.FromSecret("DATABASE_PASSWORD", "postgres-credentials", "password", "postgres"));
    }

    [Fact]
    public void Syntax_and_resolution_errors_are_reported_together()
    {
        var plan = LinkPlanner.Plan("Backend, payments", Namespace, Shop);

        plan.IsValid.Should().BeFalse();
        plan.Errors.Should().HaveCount(2);
        plan.Errors[0].Should().StartWith("link \"Backend\" is not of the form");
        plan.Errors[1].Should().StartWith("link \"payments\": namespace \"shop\" has no service");
    }

    [Fact]
    public void Empty_annotation_plans_nothing()
    {
        var plan = LinkPlanner.Plan(" ", Namespace, Shop);

        plan.IsValid.Should().BeTrue();
        plan.Variables.Should().BeEmpty();
    }
}
