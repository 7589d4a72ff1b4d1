using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

public class PodInjectorOptOutTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public void Inject_false_opts_the_pod_out_even_of_broken_links(string value)
    {
        var (injection, _) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "payments"), (StackBlazeAnnotations.Inject, value)));

        injection.Should().Be(PodInjection.Nothing);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    [InlineData("no")]
    public void Other_inject_values_do_not_opt_out(string value)
    {
        var (injection, _) = Run(Pods.Annotated((StackBlazeAnnotations.Links, "backend"), (StackBlazeAnnotations.Inject, value)));

        injection.InjectedNames.Should().Equal("API_URL");
    }

    [Fact]
    public void Pod_that_already_went_through_the_webhook_gets_no_patch()
    {
        var (injection, _) = Run(Json.FixtureNode("pod-already-injected.json"));

        injection.Should().Be(PodInjection.Nothing);
    }

    [Fact]
    public void Injecting_the_injected_pod_again_changes_nothing()
    {
        var (first, pod) = Run(Json.FixtureNode("pod-init-and-two-containers.json"));
        first.Patch.Should().NotBeEmpty();

        var (second, again) = Run(pod);

        second.Patch.Should().BeEmpty();
        second.Warnings.Should().BeEmpty();
        JsonNode.DeepEquals(again, pod).Should().BeTrue();
    }
}
