using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

public class PodInjectorOwnVariableTests
{
    [Fact]
    public void Variable_the_container_sets_is_kept_and_not_injected_there()
    {
        var (_, pod) = Run(Json.FixtureNode("pod-sets-api-url.json"));

        pod["spec"]!["containers"]![0]!["env"]!.ToJsonString().Should().Be("""[{"name":"API_URL","value":"http://localhost:3000"}]""");
        EnvNamesOf(pod, "containers", 1).Should().Equal("API_URL");
    }

    [Fact]
    public void Variable_the_container_sets_gives_a_warning_naming_container_variable_and_link()
    {
        var (injection, _) = Run(Json.FixtureNode("pod-sets-api-url.json"));

        injection.Warnings.Should().Equal(
            "container \"app\" sets API_URL itself: kept as written, link \"backend\" not injected there");
        injection.InjectedNames.Should().Equal("API_URL");
    }

    [Fact]
    public void Only_the_link_label_is_patched_when_every_container_sets_the_variable_itself()
    {
        var pod = Json.FixtureNode("pod-sets-api-url.json");
        pod["spec"]!["containers"]!.AsArray().RemoveAt(1);

        var (injection, patched) = Run(pod);

        injection.Patch.Select(op => op.Path).Should().Equal("/metadata/labels");
        injection.InjectedNames.Should().BeEmpty();
        injection.Warnings.Should().ContainSingle();
        AnnotationOf(patched, StackBlazeAnnotations.InjectedEnv).Should().BeNull();
    }

    [Fact]
    public void Url_that_refers_to_a_credential_the_container_sets_itself_is_not_injected_there()
    {
        var pod = Pods.Annotated((StackBlazeAnnotations.Links, "postgres"));
        pod["spec"]!["containers"]![0]!["env"] = new JsonArray(new JsonObject { ["name"] = "DATABASE_USER", ["value"] = "reporting" });

        var (injection, patched) = Run(pod);

        EnvNamesOf(patched, "containers", 0).Should().Equal("DATABASE_PASSWORD", "DATABASE_USER");
        injection.Warnings.Should().Equal(
            "container \"app\" sets DATABASE_USER itself: kept as written, link \"postgres\" not injected there",
            "container \"app\" sets DATABASE_USER itself, so DATABASE_URL of link \"postgres\" could not expand $(DATABASE_USER): not injected there");
    }

    [Fact]
    public void Credentials_are_still_injected_when_the_container_sets_the_url_itself()
    {
        var pod = Pods.Annotated((StackBlazeAnnotations.Links, "postgres"));
        pod["spec"]!["containers"]![0]!["env"] = new JsonArray(new JsonObject { ["name"] = "DATABASE_URL", ["value"] = "postgresql://localhost/dev" });

        var (_, patched) = Run(pod);

        EnvNamesOf(patched, "containers", 0).Should().Equal("DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
        patched["spec"]!["containers"]![0]!["env"]![2]!["value"]!.GetValue<string>().Should().Be("postgresql://localhost/dev");
    }

    [Fact]
    public void Warning_stays_under_256_characters_even_for_a_very_long_name()
    {
        var name = "A" + new string('B', 300);
        var pod = Pods.Annotated((StackBlazeAnnotations.Links, $"{name}=backend"));
        pod["spec"]!["containers"]![0]!["env"] = new JsonArray(new JsonObject { ["name"] = name, ["value"] = "mine" });

        var (injection, _) = Run(pod);

        var warning = injection.Warnings.Should().ContainSingle().Subject;
        warning.Length.Should().BeLessThan(256);
        warning.Should().StartWith("container \"app\" sets AB").And.EndWith("…");
    }

    [Fact]
    public void Every_warning_is_under_256_characters()
    {
        var (injection, _) = Run(Json.FixtureNode("pod-sets-api-url.json"));

        injection.Warnings.Should().OnlyContain(w => w.Length <= ReviewLimits.MaxWarningLength);
    }
}
