using System.Text;
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
/// What the webhook would do to manifests, done to the files: links injected into every Pod and
/// pod template, with the same patches the webhook sends, applied as the API server applies them.
/// </summary>
public static class ManifestInjector
{
    public static InjectionReport Inject(IReadOnlyList<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var output = new StringBuilder();
        var warnings = new List<string>();
        var errors = new List<string>();
        foreach (var document in documents)
        {
            output.Append("---\n");
            var kind = PodKinds.Find(document.Group, document.Kind);
            var injected = kind is null ? null : Inject(document, kind, catalog, defaultNamespace, warnings, errors);
            output.Append(injected is null ? Verbatim(document.Text) : JsonToYaml.Write(injected));
        }
        return new InjectionReport(errors.Count == 0 ? output.ToString() : "", warnings, errors);
    }

    /// <summary>The object after injection, or null when nothing changed or it failed.</summary>
    private static JsonNode? Inject(
        ManifestDocument document, PodKind kind, IProjectCatalog catalog, string defaultNamespace, List<string> warnings, List<string> errors)
    {
        var body = document.Body.DeepClone();
        var patch = new List<JsonPatchOperation>();
        if (!kind.IsPod)
        {
            var propagation = TemplateAnnotationPropagator.Propagate(JsonElement.Parse(body.ToJsonString()), kind, out var error);
            if (propagation is null)
            {
                errors.Add($"{document.Location}: cannot be read: {error}");
                return null;
            }
            JsonPatchApplier.Apply(body, propagation);
            patch.AddRange(propagation);
        }

        var element = JsonElement.Parse(body.ToJsonString());
        TemplateAnnotationPropagator.TryFindTemplate(element, kind, out var template);
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
        patch.AddRange(injection.Patch);
        return patch.Count > 0 ? body : null;
    }

    /// <summary>The document as written, without its own <c>---</c> marker.</summary>
    private static string Verbatim(string text)
    {
        var body = text.StartsWith("---", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
        body = body.TrimEnd();
        if (body.EndsWith("\n...", StringComparison.Ordinal))
        {
            body = body[..^4].TrimEnd();
        }
        return body + "\n";
    }
}
