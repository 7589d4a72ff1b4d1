using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Runs the template annotation propagator on a workload and applies its patch.</summary>
internal static class Workloads
{
    public static (IReadOnlyList<JsonPatchOperation> Patch, JsonObject Workload) Propagate(JsonObject workload, PodKind kind)
    {
        var patch = TemplateAnnotationPropagator.Propagate(Pods.Element(workload), kind, out var error);
        error.Should().BeNull();
        var patched = workload.DeepClone().AsObject();
        JsonPatchApplier.Apply(patched, patch!);
        return (patch!, patched);
    }

    public static JsonObject Template(JsonObject workload, PodKind kind) =>
        kind.TemplatePath.Aggregate((JsonNode)workload, (node, field) => node[field]!).AsObject();

    public static JsonObject? TemplateAnnotations(JsonObject workload, PodKind kind) =>
        Template(workload, kind)["metadata"]?["annotations"]?.AsObject();
}
