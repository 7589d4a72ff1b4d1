using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Workloads;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Workloads;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>How the annotations of bindings are found: the switch copied from a workload, the webhook's files by their key.</summary>
public class BindingAnnotationsReadTests
{
    [Fact]
    public void The_switch_on_a_deployment_is_copied_into_its_template_like_the_links()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["metadata"]!["annotations"]![StackBlazeAnnotations.ServiceBindings] = "true";
        var kind = PodKinds.Find("apps", "Deployment")!;

        var (_, workload) = Propagate(deployment, kind);

        ((string?)TemplateAnnotations(workload, kind)![StackBlazeAnnotations.ServiceBindings]).Should().Be("true");
    }

    [Theory]
    [InlineData("postgres.bindings.stackblaze.io/uri", true)]
    [InlineData("postgres.bindings.stackblaze\\u002eio/uri", true)]
    [InlineData("bindings.stackblaze.io/uri", false)]
    [InlineData("example.com/bindings", false)]
    public void A_pod_is_known_to_carry_binding_files_by_their_key_however_it_is_escaped(string rawKey, bool found)
    {
        var pod = Json.Parse("{\"metadata\":{\"annotations\":{\"" + rawKey + "\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"app\"}]}}");

        ObjectShapeReader.ReadPod(pod, out _)!.Metadata.HasBindingFiles.Should().Be(found);
    }

    [Fact]
    public void A_pods_spec_is_at_hand_from_its_shape()
    {
        var pod = Pods.Element(new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }), ["volumes"] = new JsonArray() },
        });

        ObjectShapeReader.ReadPod(pod, out _)!.Spec.TryGetProperty("volumes", out _).Should().BeTrue();
    }
}
