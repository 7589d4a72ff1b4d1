using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

public class PodInjectorTests
{
    private static readonly string[] FrontendNames = ["API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL"];

    [Fact]
    public void Every_container_and_init_container_gets_the_variables()
    {
        var (injection, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));

        injection.IsDenied.Should().BeFalse();
        EnvNamesOf(pod, "initContainers", 0).Should().Equal(FrontendNames);
        EnvNamesOf(pod, "containers", 1).Should().Equal(FrontendNames);
    }

    [Fact]
    public void Injected_variables_come_before_the_containers_own_so_these_can_refer_to_them()
    {
        var (_, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));

        EnvNamesOf(pod, "containers", 0).Should().Equal([.. FrontendNames, "LOG_LEVEL", "API_BASE"]);
        pod["spec"]!["containers"]![0]!["env"]![5]!.ToJsonString().Should().Be("""{"name":"API_BASE","value":"$(API_URL)/v1"}""");
    }

    [Fact]
    public void Credentials_are_secret_references_in_the_pod()
    {
        var (_, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));

        var env = pod["spec"]!["containers"]![1]!["env"]!.AsArray();
        env[2]!.ToJsonString().Should().Be(
            """{"name":"DATABASE_PASSWORD","valueFrom":{"secretKeyRef":{"name":"postgres-credentials","key":"password"}}}""");
        ((string?)env[3]!["value"]).Should().Be("postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb");
    }

    [Fact]
    public void Injected_env_annotation_lists_the_names_in_order()
    {
        var (injection, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));

        injection.InjectedNames.Should().Equal(FrontendNames);
        AnnotationOf(pod, StackBlazeAnnotations.InjectedEnv).Should().Be("API_URL,DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL");
        AnnotationOf(pod, "prometheus.io/scrape").Should().Be("true");
    }

    [Fact]
    public void Container_without_env_gets_an_env_list_made_for_it()
    {
        var (injection, _) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));

        injection.Patch.Select(op => op.Path).Should().Contain(["/spec/initContainers/0/env", "/spec/containers/1/env"]);
        injection.Patch.Should().OnlyContain(op => op.Op == "add");
    }

    [Fact]
    public void Template_patch_paths_start_at_the_base_path()
    {
        var pod = Pods.Read(Json.Fixture("pod-init-and-two-containers.json"));

        var injection = PodInjector.Inject(pod, "/spec/template", Services.Namespace, Services.Shop);

        injection.Patch.Should().NotBeEmpty().And.OnlyContain(op => op.Path.StartsWith("/spec/template/", StringComparison.Ordinal));
        injection.Patch[^1].Path.Should().Be("/spec/template/metadata/annotations/stackblaze.io~1injected-env");
    }

    [Fact]
    public void Pod_without_links_is_left_alone()
    {
        var (injection, _) = Run(Pods.Annotated(("prometheus.io/scrape", "true")));

        injection.Should().Be(PodInjection.Nothing);
    }

    [Fact]
    public void Blank_links_annotation_is_left_alone()
    {
        var (injection, _) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "  ")));

        injection.Patch.Should().BeEmpty();
        injection.IsDenied.Should().BeFalse();
    }

    [Fact]
    public void Link_errors_deny_the_pod_with_every_reason_and_no_patch()
    {
        var (injection, _) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "payments, other/backend")));

        injection.IsDenied.Should().BeTrue();
        injection.Patch.Should().BeEmpty();
        injection.Errors.Should().HaveCount(2);
        injection.Errors.Should().Contain(e => e.Contains("has no service \"payments\" (it has backend, frontend, postgres)", StringComparison.Ordinal));
        injection.Errors.Should().Contain(e => e.Contains("names another namespace", StringComparison.Ordinal));
    }
}
