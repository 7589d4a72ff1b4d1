using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// What the webhook would do to a manifest's object, done to it: links injected into a Pod or a
/// workload's pod template, with the same patches the webhook sends, applied as the API server
/// applies them.
/// </summary>
internal static class ManifestInjector
{
    /// <summary>The object after injection, or null when nothing changed or it failed (then with an error).</summary>
    public static JsonObject? Inject(ManifestDocument document, IProjectCatalog catalog, string defaultNamespace, List<string> warnings, List<string> errors)
    {
        var kind = PodKinds.Find(document.Group, document.Kind);
        if (kind is null)
        {
            return null;
        }
        var body = JsonObject.Create(document.Body)!;
        var pod = ReadPod(document, kind, body, out var changed, out var error);
        if (pod is null)
        {
            errors.Add($"{document.Location}: cannot be read: {error}");
            return null;
        }

        var injection = PodInjector.Inject(pod, kind.TemplatePointer, document.Namespace ?? defaultNamespace, catalog);
        warnings.AddRange(injection.Warnings.Select(w => $"{document.Location}: {w}"));
        // Link errors name their link; the others are about an annotation a reader must be told.
        var about = injection.DeniedAnnotation == StackBlazeAnnotations.Links ? "" : $"{injection.DeniedAnnotation}: ";
        errors.AddRange(injection.Errors.Select(e => $"{document.Location}: {about}{e}"));
        JsonPatchApplier.Apply(body, injection.Patch);
        return changed || injection.Patch.Count > 0 ? body : null;
    }

    /// <summary>
    /// The pod, or the pod template as the workload's pods are made from it: the workload's link
    /// annotations copied into <paramref name="body"/> first, as the webhook copies them (then
    /// <paramref name="changed"/>). Null and a message when the object cannot be read.
    /// </summary>
    public static PodShape? ReadPod(ManifestDocument document, PodKind kind, JsonObject body, out bool changed, out string? error)
    {
        var stored = document.Body;
        changed = false;
        if (!kind.IsPod)
        {
            var propagation = TemplateAnnotationPropagator.Propagate(stored, kind, out error);
            if (propagation is null)
            {
                return null;
            }
            if (propagation.Count > 0)
            {
                JsonPatchApplier.Apply(body, propagation);
                // Its pods are made from the template as stored, annotations copied: read that, as the pod webhook would.
                stored = Stored(body);
                changed = true;
            }
        }

        TemplateAnnotationPropagator.TryFindTemplate(stored, kind, out var template);
        return ObjectShapeReader.ReadPod(template, out error);
    }

    private static JsonElement Stored(JsonObject body)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            body.WriteTo(writer);
        }
        return JsonElement.Parse(json.WrittenSpan);
    }
}
