using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

/// <summary><c>stackblaze.io/containers</c>: which containers get the variables.</summary>
public class PodInjectorScopeTests
{
    private static readonly string[] FrontendNames = ["API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL"];

    private static JsonObject Frontend(string containers)
    {
        var pod = Json.FixtureNode("pod-init-and-two-containers.json");
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = containers;
        return pod;
    }

    [Fact]
    public void Only_the_named_container_gets_the_variables_credentials_included()
    {
        var (injection, pod) = Run(Frontend("web"));

        injection.IsDenied.Should().BeFalse();
        EnvNamesOf(pod, "containers", 0).Should().Equal([.. FrontendNames, "LOG_LEVEL", "API_BASE"]);
        EnvNamesOf(pod, "containers", 1).Should().BeEmpty();
        EnvNamesOf(pod, "initContainers", 0).Should().BeEmpty();
        injection.Patch.Should().OnlyContain(op => op.Path.StartsWith("/spec/containers/0/", StringComparison.Ordinal) || op.Path.StartsWith("/metadata/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_init_container_can_be_named_and_spaces_around_commas_are_ignored()
    {
        var (_, pod) = Run(Frontend(" migrate ,sidecar ,"));

        EnvNamesOf(pod, "initContainers", 0).Should().Equal(FrontendNames);
        EnvNamesOf(pod, "containers", 1).Should().Equal(FrontendNames);
        EnvNamesOf(pod, "containers", 0).Should().Equal("LOG_LEVEL", "API_BASE");
    }

    [Theory]
    [InlineData("Web", "\"Web\" is not a container name")]
    [InlineData("web/x", "\"web/x\" is not a container name")]
    [InlineData("-web", "\"-web\" is not a container name")]
    [InlineData("web sidecar", "\"web sidecar\" is not a container name")]
    [InlineData(" , ", "the annotation names no container")]
    public void A_malformed_annotation_denies_the_pod_naming_the_annotation(string containers, string message)
    {
        var (injection, _) = Run(Frontend(containers));

        injection.IsDenied.Should().BeTrue();
        injection.Patch.Should().BeEmpty();
        injection.DeniedAnnotation.Should().Be(StackBlazeAnnotations.Containers);
        injection.Errors.Should().ContainSingle().Which.Should().StartWith(message);
    }

    [Fact]
    public void More_names_than_allowed_are_refused_before_any_is_read()
    {
        var names = string.Join(',', Enumerable.Range(0, ReviewLimits.MaxScopedContainers + 1).Select(i => $"C{i}"));

        var (injection, _) = Run(Frontend(names));

        injection.Errors.Should().Equal($"the annotation names 101 containers; at most {ReviewLimits.MaxScopedContainers} are allowed");
    }

    [Fact]
    public void An_annotation_longer_than_allowed_is_refused_unread()
    {
        var (injection, _) = Run(Frontend(new string('a', ReviewLimits.MaxContainersAnnotationLength + 1)));

        injection.Errors.Should().Equal($"the annotation is 8193 characters long; at most {ReviewLimits.MaxContainersAnnotationLength} are allowed");
    }

    [Fact]
    public void A_name_that_matches_no_container_is_a_warning_and_the_others_still_get_the_variables()
    {
        var (injection, pod) = Run(Frontend("web, istio-proxy"));

        injection.IsDenied.Should().BeFalse();
        EnvNamesOf(pod, "containers", 0).Should().StartWith(FrontendNames);
        injection.Warnings.Should().ContainSingle().Which.Should().Be(
            "stackblaze.io/containers names istio-proxy, not a container of this pod (it has migrate, sidecar, web): nothing is injected there unless a later webhook adds it");
    }
}
