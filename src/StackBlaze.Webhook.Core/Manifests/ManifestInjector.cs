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
        var stored = document.Body;
        var changed = false;
        if (!kind.IsPod)
        {
            var propagation = TemplateAnnotationPropagator.Propagate(stored, kind, out var error);
            if (propagation is null)
            {
                errors.Add($"{document.Location}: cannot be read: {error}");
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
        var pod = ObjectShapeReader.ReadPod(template, out var podError);
        if (pod is null)
        {
            errors.Add($"{document.Location}: cannot be read: {podError}");
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
