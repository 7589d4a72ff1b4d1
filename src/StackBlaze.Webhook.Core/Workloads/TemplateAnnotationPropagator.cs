using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Workloads;

/// <summary>
/// Users annotate a Deployment's own metadata, where a pod webhook never looks: copy the link
/// annotations into the pod template, unless the template sets them itself.
/// </summary>
internal static class TemplateAnnotationPropagator
{
    private static readonly string[] Propagated = [StackBlazeAnnotations.Links, StackBlazeAnnotations.Inject, StackBlazeAnnotations.Containers, StackBlazeAnnotations.ServiceBindings];

    /// <summary>The patch that copies the annotations, or null and a message when the workload is malformed.</summary>
    public static IReadOnlyList<JsonPatchOperation>? Propagate(JsonElement workload, PodKind kind, out string? error)
    {
        var metadata = ObjectShapeReader.ReadMetadata(workload, out error);
        if (metadata is null)
        {
            return null;
        }
        if (!TryFindTemplate(workload, kind, out var template))
        {
            error = $"{string.Join('.', kind.TemplatePath)} is missing or not an object";
            return null;
        }
        var templateMetadata = ObjectShapeReader.ReadMetadata(template, out error);
        if (templateMetadata is null)
        {
            error = $"{string.Join('.', kind.TemplatePath)}.{error}";
            return null;
        }

        var copies = Propagated
            .Where(key => metadata.Annotation(key) is not null && templateMetadata.Annotation(key) is null)
            .Select(key => KeyValuePair.Create(key, metadata.Annotation(key)!))
            .ToArray();
        return copies.Length == 0 ? [] : AnnotationPatch.Add(templateMetadata, kind.TemplatePointer, copies);
    }

    /// <summary>Finds the pod template of a workload (or the pod itself).</summary>
    public static bool TryFindTemplate(JsonElement obj, PodKind kind, out JsonElement template)
    {
        template = obj;
        foreach (var field in kind.TemplatePath)
        {
            if (template.ValueKind != JsonValueKind.Object || !template.TryGetProperty(field, out template))
            {
                return false;
            }
        }
        return template.ValueKind == JsonValueKind.Object;
    }
}
