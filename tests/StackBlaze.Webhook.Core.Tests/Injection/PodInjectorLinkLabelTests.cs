using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

/// <summary>
/// A pod is labelled <c>links.stackblaze.io/&lt;service&gt;: "true"</c> for each Service its links
/// resolve to, which issue 19's NetworkPolicies admit it by: added when missing, never
/// replaced, never removed. Each patch is applied by our applier, the independent library and kubectl.
/// </summary>
public sealed class PodInjectorLinkLabelTests
{
    private static JsonObject Frontend(JsonObject? labels = null)
    {
        // Kind and name as kubectl needs them to decode the pod.
        var pod = Pods.Annotated((StackBlazeAnnotations.Links, "backend, postgres"));
        pod["apiVersion"] = "v1";
        pod["kind"] = "Pod";
        pod["metadata"]!["name"] = "frontend";
        if (labels is not null)
        {
            pod["metadata"]!["labels"] = labels;
        }
        return pod;
    }

    private static JsonObject? LabelsOf(JsonNode pod) => pod["metadata"]?["labels"]?.AsObject();

    /// <summary>The pod patched, after checking that the independent library and kubectl patch it alike.</summary>
    private static async Task<JsonObject> PatchedEverywhereAsync(JsonObject pod, PodInjection injection)
    {
        var bytes = JsonPatchWriter.ToUtf8Bytes(injection.Patch);
        var ours = pod.DeepClone().AsObject();
        JsonPatchApplier.Apply(ours, injection.Patch);
        IndependentJsonPatch.Apply(pod, bytes).ShouldDeepEqual(ours);
        (await KubectlPatch.ApplyAsync(pod, bytes)).ShouldDeepEqual(ours);
        return ours;
    }

    [Fact]
    public async Task A_pod_without_labels_gets_the_map_with_one_label_a_linked_Service()
    {
        var pod = Frontend();

        var (injection, _) = Run(pod);

        injection.Patch.Where(op => op.Path.Contains("/labels", StringComparison.Ordinal)).Select(op => op.Path).Should().Equal("/metadata/labels");
        var patched = await PatchedEverywhereAsync(pod, injection);
        LabelsOf(patched)!.ShouldDeepEqual(JsonNode.Parse("""{"links.stackblaze.io/backend":"true","links.stackblaze.io/postgres":"true"}""")!);
    }

    [Fact]
    public async Task A_pod_with_labels_gets_one_escaped_add_a_linked_Service_and_keeps_its_own()
    {
        var pod = Frontend(new JsonObject { ["app"] = "frontend" });

        var (injection, _) = Run(pod);

        injection.Patch.Where(op => op.Path.Contains("/labels", StringComparison.Ordinal)).Select(op => (op.Op, op.Path)).Should().Equal(
            ("add", "/metadata/labels/links.stackblaze.io~1backend"), ("add", "/metadata/labels/links.stackblaze.io~1postgres"));
        var patched = await PatchedEverywhereAsync(pod, injection);
        LabelsOf(patched)!.ShouldDeepEqual(JsonNode.Parse("""{"app":"frontend","links.stackblaze.io/backend":"true","links.stackblaze.io/postgres":"true"}""")!);
    }

    [Fact]
    public async Task Labels_that_are_null_are_replaced_by_the_map()
    {
        var pod = Frontend();
        pod["metadata"]!["labels"] = null;

        var (injection, _) = Run(pod);

        var patched = await PatchedEverywhereAsync(pod, injection);
        LabelsOf(patched)!.Select(l => l.Key).Should().Equal("links.stackblaze.io/backend", "links.stackblaze.io/postgres");
    }

    [Fact]
    public async Task A_label_the_user_set_under_the_key_is_left_as_written_whatever_its_value()
    {
        var pod = Frontend(new JsonObject { ["links.stackblaze.io/backend"] = "false" });

        var (injection, _) = Run(pod);

        var patched = await PatchedEverywhereAsync(pod, injection);
        LabelsOf(patched)!.ShouldDeepEqual(JsonNode.Parse("""{"links.stackblaze.io/backend":"false","links.stackblaze.io/postgres":"true"}""")!);
    }

    [Fact]
    public void A_label_key_spelled_with_a_json_escape_is_found_as_the_users()
    {
        var pod = Json.Parse("""
            {"metadata":{"labels":{"links.stackblaze.io\/backend":"no"},"annotations":{"stackblaze.io/links":"backend, postgres"}},
             "spec":{"containers":[{"name":"app"}]}}
            """);

        var injection = PodInjector.Inject(Pods.Read(pod), "", Services.Namespace, Services.Shop);

        injection.Patch.Where(op => op.Path.Contains("/labels", StringComparison.Ordinal)).Select(op => op.Path)
            .Should().Equal("/metadata/labels/links.stackblaze.io~1postgres");
    }

    [Fact]
    public void A_second_pass_over_the_labelled_pod_gives_no_patch()
    {
        var (first, pod) = Run(Frontend(new JsonObject { ["app"] = "frontend" }));
        LabelsOf(pod)!.Should().ContainKey("links.stackblaze.io/postgres");

        var (second, again) = Run(pod);

        first.Patch.Should().NotBeEmpty();
        second.Patch.Should().BeEmpty();
        JsonNode.DeepEquals(again, pod).Should().BeTrue();
    }

    [Fact]
    public void A_label_of_a_Service_no_longer_linked_is_kept()
    {
        var (_, pod) = Run(Frontend());
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.Links] = "postgres";

        var (injection, patched) = Run(pod);

        injection.Patch.Should().NotBeEmpty("API_URL is taken back");
        LabelsOf(patched)!.Select(l => l.Key).Should().Equal("links.stackblaze.io/backend", "links.stackblaze.io/postgres");
    }

    [Fact]
    public void A_Service_whose_every_variable_the_containers_set_themselves_is_labelled_still()
    {
        // The link declares the call: the container's own API_URL still reaches backend, and backend's policy must admit it.
        var pod = Frontend();
        pod["spec"]!["containers"]![0]!["env"] = new JsonArray(new JsonObject { ["name"] = "API_URL", ["value"] = "http://backend.internal:3000" });

        var (_, patched) = Run(pod);

        LabelsOf(patched)!.Select(l => l.Key).Should().Equal("links.stackblaze.io/backend", "links.stackblaze.io/postgres");
    }

    [Fact]
    public void A_pod_scoped_to_no_container_it_has_is_labelled_still()
    {
        var pod = Frontend();
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = "sidecar-added-later";

        var (_, patched) = Run(pod);

        LabelsOf(patched)!.Select(l => l.Key).Should().Equal("links.stackblaze.io/backend", "links.stackblaze.io/postgres");
    }

    [Fact]
    public void A_pod_without_links_gets_no_labels_even_when_its_variables_are_taken_back()
    {
        var (_, pod) = Run(Frontend());
        pod["metadata"]!.AsObject().Remove("labels");
        pod["metadata"]!["annotations"]!.AsObject().Remove(StackBlazeAnnotations.Links);

        var (injection, patched) = Run(pod);

        injection.Patch.Should().NotBeEmpty();
        LabelsOf(patched).Should().BeNull();
    }

    [Fact]
    public void A_template_gets_its_labels_below_its_base_path()
    {
        var pod = Pods.Read(Pods.Element(Frontend(new JsonObject { ["app"] = "frontend" })));

        var injection = PodInjector.Inject(pod, "/spec/template", Services.Namespace, Services.Shop);

        injection.Patch.Where(op => op.Path.Contains("/labels", StringComparison.Ordinal)).Select(op => op.Path).Should().Equal(
            "/spec/template/metadata/labels/links.stackblaze.io~1backend", "/spec/template/metadata/labels/links.stackblaze.io~1postgres");
    }

    [Fact]
    public void Labels_that_are_not_a_map_deny_the_pod_with_a_reason()
    {
        var pod = Frontend();
        pod["metadata"]!["labels"] = "app=frontend";

        var (injection, _) = Run(pod);

        injection.IsDenied.Should().BeTrue();
        injection.Errors.Should().Equal("metadata.labels is not an object, and the links label the pod");
    }

    [Fact]
    public void A_huge_label_map_is_read_once_and_only_the_missing_labels_are_added()
    {
        // Sixty thousand labels, our prefix among them for Services not linked: a single walk, and one operation.
        var labels = new JsonObject();
        for (var i = 0; i < 60_000; i++)
        {
            labels.Add(i % 2 == 0 ? $"links.stackblaze.io/svc-{i}" : $"example.com/label-{i}", "x");
        }
        labels.Add("links.stackblaze.io/backend", "true");
        var pod = Frontend(labels);

        var (injection, patched) = Run(pod);

        injection.Patch.Where(op => op.Path.Contains("/labels", StringComparison.Ordinal)).Select(op => op.Path)
            .Should().Equal("/metadata/labels/links.stackblaze.io~1postgres");
        LabelsOf(patched)!.Count.Should().Be(60_002);
    }

    [Fact]
    public void The_label_keys_are_the_Services_in_link_order_each_once()
    {
        var plan = LinkPlanner.Plan("postgres, backend, OTHER_API=backend", Services.Namespace, Services.Shop);

        plan.Errors.Should().BeEmpty();
        plan.Labels.Keys.Should().Equal("links.stackblaze.io/postgres", "links.stackblaze.io/backend");
    }
}
