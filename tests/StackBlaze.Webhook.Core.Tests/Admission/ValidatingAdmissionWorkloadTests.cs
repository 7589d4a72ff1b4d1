using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Workloads are checked through their pod templates: kubectl apply --dry-run=server never makes pods.</summary>
public class ValidatingAdmissionWorkloadTests
{
    private const string Denial =
        "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): "
        + "container \"worker\" ORDERS_API: calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"; "
        + "use http://backend.internal:3000/v1/orders";

    private static AdmissionVerdict Validate(JsonObject deployment, Operation operation = Operation.Create) =>
        new ValidatingAdmission(Project()).Review(Reviews.Of("apps", "Deployment", Pods.Element(deployment), operation));

    private static JsonObject Deployment(params (string Key, string Value)[] annotations)
    {
        var deployment = Json.FixtureNode("PublicUrls/deployment-calls-api.json");
        deployment["metadata"]!["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        return deployment;
    }

    [Theory]
    [InlineData("apps", "Deployment", "deployment-calls-api.json")]
    [InlineData("apps", "StatefulSet", "statefulset-calls-api.json")]
    [InlineData("batch", "CronJob", "cronjob-calls-api.json")]
    public void Workload_whose_template_calls_a_public_url_is_denied(string group, string kind, string fixture)
    {
        var outcome = new ValidatingAdmission(Project()).Review(Reviews.Of(group, kind, Json.Fixture($"PublicUrls/{fixture}")));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(Denial);
    }

    [Theory]
    [InlineData(Operation.Create)]
    [InlineData(Operation.Update)]
    public void Workload_create_and_update_are_both_checked(Operation operation)
    {
        Validate(Deployment(), operation).Message.Should().Be(Denial);
    }

    [Fact]
    public void Broken_link_on_the_workload_metadata_is_denied()
    {
        var outcome = Validate(Deployment(LinksTo("backend.other")));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(
            "stackblaze.io/links: link \"backend.other\" names another namespace; projects are isolated, so link a service of this namespace as [ENV_NAME=]service[:port]"
            + " | " + Denial);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("enabled")]
    public void A_bindings_switch_its_pods_would_be_refused_for_is_denied_when_the_workload_is_applied(string value)
    {
        var deployment = Deployment(LinksTo("backend"), ("stackblaze.io/service-bindings", value));
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"] = new JsonArray();

        var outcome = Validate(deployment);

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(
            $"stackblaze.io/service-bindings: \"{value}\" is neither \"true\" nor \"false\"; set \"true\" to project the links' Service Bindings, or remove stackblaze.io/service-bindings");
    }

    [Fact]
    public void A_bindings_switch_on_an_opted_out_workload_is_not_read()
    {
        var deployment = Deployment(LinksTo("backend"), ("stackblaze.io/service-bindings", "yes"), ("stackblaze.io/inject", "false"));
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"] = new JsonArray();

        Validate(deployment).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Unknown_service_on_the_workload_metadata_is_only_a_warning()
    {
        var deployment = Deployment(LinksTo("payments"), AllowPublicUrls("ignored-here"));
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"] = new JsonArray();

        var outcome = Validate(deployment);

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().Equal(
            "link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres); its pods will be refused until it exists");
    }

    [Fact]
    public void Template_links_are_checked_rather_than_the_workloads()
    {
        var deployment = Deployment(LinksTo("backend.other"));
        deployment["spec"]!["template"]!["metadata"]!["annotations"] = new JsonObject
        {
            [StackBlazeAnnotations.Links] = "backend",
            [StackBlazeAnnotations.AllowPublicUrls] = "ORDERS_API",
        };

        // Allowed as is; the outcome still says the policy looked and found nothing.
        Validate(deployment).Should().BeEquivalentTo(AdmissionVerdict.Allow with { Findings = new PolicyFindings(PolicyMode.Enforce, 0) });
    }

    [Fact]
    public void Workload_that_opts_out_of_injection_has_its_links_left_unchecked()
    {
        var outcome = Validate(Deployment(LinksTo("backend.other"), (StackBlazeAnnotations.Inject, "false")));

        outcome.Message.Should().Be(Denial);
    }

    [Fact]
    public void Allow_list_on_the_template_lets_the_workload_in()
    {
        var deployment = Deployment();
        deployment["spec"]!["template"]!["metadata"]!["annotations"] = new JsonObject { [StackBlazeAnnotations.AllowPublicUrls] = "ORDERS_API" };

        Validate(deployment).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Allow_list_on_the_workload_itself_counts_when_the_template_has_none()
    {
        var outcome = Validate(Deployment((StackBlazeAnnotations.AllowPublicUrls, "ORDERS_API")));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().BeEmpty();
    }
}
