using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

/// <summary>
/// A pod that carries the webhook's record (a reinvocation, or a pod made from <c>inject</c>'s
/// output): missing variables are added, recorded ones set to what the links give now.
/// </summary>
public class PodInjectorRefreshTests
{
    private static readonly ServiceEntry Cnpg = With("cnpg", Port(5432, "postgres")) with { CredentialsSecret = "cnpg-app", Database = "app" };

    private static readonly string[] FrontendNames = ["API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL"];

    [Fact]
    public void A_container_added_after_the_first_pass_gets_the_variables_and_no_other_container_is_touched()
    {
        var (_, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));
        pod["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "vault-agent", ["env"] = new JsonArray(new JsonObject { ["name"] = "VAULT_ADDR", ["value"] = "x" }) });

        var (again, patched) = Run(pod);

        again.Patch.Select(op => (op.Op, op.Path)).Should().Equal(
            ("add", "/spec/containers/2/env/0"), ("add", "/spec/containers/2/env/1"), ("add", "/spec/containers/2/env/2"), ("add", "/spec/containers/2/env/3"));
        EnvNamesOf(patched, "containers", 2).Should().Equal([.. FrontendNames, "VAULT_ADDR"]);
        again.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_recorded_variable_whose_value_is_stale_is_replaced_in_place()
    {
        var pod = Json.FixtureNode("pod-already-injected.json");
        pod["spec"]!["containers"]![0]!["env"]![0]!["value"] = "http://backend.internal:2999";

        var (injection, patched) = Run(pod);

        injection.Patch.Select(op => (op.Op, op.Path)).Should().Equal([("replace", "/spec/containers/0/env/0")]);
        ((string?)patched["spec"]!["containers"]![0]!["env"]![0]!["value"]).Should().Be("http://backend.internal:3000");
        injection.InjectedNames.Should().Equal("API_URL");
    }

    [Fact]
    public void A_pod_whose_recorded_variables_are_current_gets_nothing()
    {
        var (injection, _) = Run(Json.FixtureNode("pod-already-injected.json"));

        injection.Patch.Should().BeEmpty();
        injection.InjectedNames.Should().BeEmpty();
    }

    [Fact]
    public void A_recorded_variable_no_link_gives_any_more_is_removed_and_the_record_follows()
    {
        var pod = Json.FixtureNode("pod-already-injected.json");
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.InjectedEnv] = "OLD_URL,API_URL";
        pod["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject { ["name"] = "OLD_URL", ["value"] = "http://old.internal" });

        var (injection, patched) = Run(pod);

        EnvNamesOf(patched, "containers", 0).Should().Equal("API_URL");
        AnnotationOf(patched, StackBlazeAnnotations.InjectedEnv).Should().Be("API_URL");
        injection.Patch.Select(op => op.Op).Should().Equal("remove", "replace");
    }

    [Fact]
    public void Without_links_the_recorded_variables_and_the_record_are_removed()
    {
        var pod = Json.FixtureNode("pod-already-injected.json");
        pod["metadata"]!["annotations"]!.AsObject().Remove(StackBlazeAnnotations.Links);

        var (_, patched) = Run(pod);

        EnvNamesOf(patched, "containers", 0).Should().BeEmpty();
        AnnotationOf(patched, StackBlazeAnnotations.InjectedEnv).Should().BeNull();
    }

    [Fact]
    public void A_variable_the_container_sets_itself_is_kept_on_every_pass()
    {
        var (_, once) = Run(Json.FixtureNode("pod-sets-api-url.json"));
        var own = once["spec"]!["containers"]!.AsArray().Select(c => c!["env"]?.ToJsonString()).ToArray();

        var (again, twice) = Run(once);

        again.Patch.Should().BeEmpty();
        twice["spec"]!["containers"]!.AsArray().Select(c => c!["env"]?.ToJsonString()).Should().Equal(own);
    }

    [Fact]
    public void A_missing_variable_goes_after_the_recorded_ones_it_refers_to()
    {
        var (_, pod) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "postgres")));
        pod["spec"]!["containers"]![0]!["env"]!.AsArray().RemoveAt(2);
        pod["spec"]!["containers"]![0]!["env"]!.AsArray().Insert(0, new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" });

        var (injection, patched) = Run(pod);

        injection.Patch.Select(op => (op.Op, op.Path)).Should().Equal([("add", "/spec/containers/0/env/3")]);
        EnvNamesOf(patched, "containers", 0).Should().Equal("LOG_LEVEL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
    }

    [Fact]
    public void A_url_that_comes_to_refer_to_credentials_stands_after_them_when_the_service_drops_its_uri()
    {
        const string links = "cnpg, DATABASE_USER=cnpg, DATABASE_PASSWORD=cnpg";
        var (_, once) = Run(Pods.Annotated((StackBlazeAnnotations.Links, links)), CatalogOf(Cnpg with { CredentialsKeys = "uri=uri" }));
        EnvNamesOf(once, "containers", 0).Should().Equal("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD");

        var (_, twice) = Run(once, CatalogOf(Cnpg));

        // Kubernetes expands $(NAME) only for variables defined earlier.
        EnvNamesOf(twice, "containers", 0).Should().Equal("DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
        ((string?)twice["spec"]!["containers"]![0]!["env"]![2]!["value"]).Should().Be("postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@cnpg.internal:5432/app");
    }

    [Fact]
    public void A_recorded_url_that_comes_to_refer_to_a_credential_the_container_sets_itself_is_taken_back_with_a_warning()
    {
        var (_, once) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "cnpg")), CatalogOf(Cnpg with { CredentialsKeys = "uri=uri" }));
        once["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject { ["name"] = "DATABASE_USER", ["value"] = "reporting" });

        var (again, twice) = Run(once, CatalogOf(Cnpg));

        EnvNamesOf(twice, "containers", 0).Should().Equal("DATABASE_PASSWORD", "DATABASE_USER");
        again.Warnings.Should().Contain(
            "container \"app\" sets DATABASE_USER itself, so DATABASE_URL of link \"cnpg\" could not expand $(DATABASE_USER): not injected there");
    }

    [Fact]
    public void Out_of_scope_containers_keep_what_they_have()
    {
        var pod = Json.FixtureNode("pod-already-injected.json");
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = "other";
        pod["spec"]!["containers"]![0]!["env"]![0]!["value"] = "http://backend.internal:2999";

        var (injection, _) = Run(pod);

        injection.Patch.Should().OnlyContain(op => op.Path.StartsWith("/metadata/", StringComparison.Ordinal));
    }
}
