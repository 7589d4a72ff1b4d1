using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Bindings.BindingsSupport;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>
/// The bindings' patches, applied by kubectl (the API server's json-patch library) and by the
/// independent library, give what our own applier gives; and the pod as kubectl writes it back,
/// fields in Go's order, gets no second patch.
/// </summary>
public sealed class BindingPatchCrossCheckTests
{
    [Fact]
    public async Task Kubectl_and_the_independent_library_apply_the_first_pass_as_our_applier_does_and_its_result_needs_no_second()
    {
        var pod = AskingPod();

        var (patch, ours) = Pass(pod);
        var byKubectl = await KubectlPatch.ApplyAsync(pod, patch);

        byKubectl.ShouldDeepEqual(ours);
        IndependentJsonPatch.Apply(pod, patch).ShouldDeepEqual(ours);
        Reviews.Review(Reviews.Pod(Pods.Element(byKubectl))).Patch.Should().BeEmpty();
    }

    [Fact]
    public async Task Kubectl_and_the_independent_library_apply_a_removal_as_our_applier_does()
    {
        var (_, pod) = Pass(AskingPod());
        var patched = pod.AsObject();
        Annotations(patched)[StackBlazeAnnotations.ServiceBindings] = "false";

        var (patch, ours) = Pass(patched);

        System.Text.Encoding.UTF8.GetString(patch).Should().Contain("/metadata/annotations/postgres.bindings.stackblaze.io~1uri");
        (await KubectlPatch.ApplyAsync(patched, patch)).ShouldDeepEqual(ours);
        IndependentJsonPatch.Apply(patched, patch).ShouldDeepEqual(ours);
        ours.ToJsonString().Should().NotContain("stackblaze-binding").And.NotContain("bindings.stackblaze.io/").And.NotContain("SERVICE_BINDING_ROOT");
    }

    [Fact]
    public async Task Kubectl_applies_a_refresh_for_a_changed_service_as_our_applier_does()
    {
        var (_, pod) = Pass(AskingPod());
        var patched = pod.AsObject();
        Annotations(patched)[StackBlazeAnnotations.Links] = "postgres";

        var (patch, ours) = Pass(patched);

        (await KubectlPatch.ApplyAsync(patched, patch)).ShouldDeepEqual(ours);
        IndependentJsonPatch.Apply(patched, patch).ShouldDeepEqual(ours);
        FilesOf(ours.AsObject(), "backend").Should().BeEmpty();
        VolumeOf(ours.AsObject(), "backend").Should().BeNull();
        VolumeOf(ours.AsObject(), "postgres").Should().NotBeNull();
    }

    /// <summary>The webhook's patch as sent on the wire, and the pod after our applier.</summary>
    private static (byte[] Patch, JsonNode Ours) Pass(JsonObject pod)
    {
        var outcome = Reviews.Review(Reviews.Pod(Pods.Element(pod)));
        outcome.Allowed.Should().BeTrue(outcome.Message);
        var ours = pod.DeepClone();
        JsonPatchApplier.Apply(ours, outcome.Patch);
        return (JsonPatchWriter.ToUtf8Bytes(outcome.Patch), ours);
    }
}
