using System.Text.Json;
using StackBlaze.Webhook.Core.Bindings;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>Validates a pod, or a workload's pod template: its links, its DNS, its calls to public URLs.</summary>
internal static class PodEvaluator
{
    /// <summary>
    /// The evaluation, or null and a message when the object cannot be read as its kind.
    /// <paramref name="linkChecks"/> holds link checks already made for this catalog, if the caller keeps them.
    /// </summary>
    public static PodEvaluation? Evaluate(
        JsonElement obj, PodKind kind, string namespaceName, IProjectCatalog catalog, out string? error, AnnotationCache<LinkCheck>? linkChecks = null)
    {
        error = null;
        MetadataShape? workload = null;
        if (!kind.IsPod && (workload = ObjectShapeReader.ReadMetadata(obj, out var metadataError)) is null)
        {
            error = $"the object cannot be read as a {kind.Kind}: {metadataError}";
            return null;
        }
        if (!TemplateAnnotationPropagator.TryFindTemplate(obj, kind, out var template))
        {
            error = kind.IsPod
                ? "the object cannot be read as a Pod: it is not a JSON object"
                : $"the object cannot be read as a {kind.Kind}: {string.Join('.', kind.TemplatePath)} is missing or not an object";
            return null;
        }
        var pod = ObjectShapeReader.ReadPod(template, out var podError);
        if (pod is null)
        {
            error = $"the object cannot be read as a {kind.Kind}: {podError}";
            return null;
        }

        List<string>? warnings = null;
        IReadOnlyList<string> linkErrors = [];
        // What the pods will carry: the template's own annotation, else the workload's, which the mutating webhook copies.
        var links = pod.Metadata.Annotation(StackBlazeAnnotations.Links) ?? workload?.Annotation(StackBlazeAnnotations.Links);
        var optedOut = PodInjector.IsOptedOut(pod.Metadata)
            || (pod.Metadata.Annotation(StackBlazeAnnotations.Inject) is null && workload is not null && PodInjector.IsOptedOut(workload));
        if (!string.IsNullOrWhiteSpace(links) && !optedOut)
        {
            var check = linkChecks?.Get(links, namespaceName) ?? LinkValidator.Check(links, namespaceName, catalog);
            linkErrors = check.Errors;
            if (check.Warnings.Count > 0)
            {
                (warnings ??= []).AddRange(check.Warnings);
            }
            if (pod.DnsPolicy is { } dnsPolicy && catalog.Hosts.Unresolvable(dnsPolicy) is { } unresolvable)
            {
                (warnings ??= []).Add(unresolvable);
            }
        }
        string? bindingsError = null;
        if (!optedOut)
        {
            BindingsSwitch.IsOn(pod.Metadata.Annotation(StackBlazeAnnotations.ServiceBindings) ?? workload?.Annotation(StackBlazeAnnotations.ServiceBindings), out bindingsError);
        }

        var mode = PolicyModes.Of(catalog.FindNamespace(namespaceName));
        // What the catalog could not keep of its ConfigMaps counts as a finding: not checked is not clean.
        List<string>? notChecked = null;
        var findingCount = 0;
        var findings = mode == PolicyMode.Off
            ? []
            : PublicUrlChecker.Check(pod, PublicUrlExemptions.ParseAllowed(
                pod.Metadata.Annotation(StackBlazeAnnotations.AllowPublicUrls) ?? workload?.Annotation(StackBlazeAnnotations.AllowPublicUrls)),
                namespaceName, catalog, ReviewLimits.MaxFindingsKept, out findingCount,
                note => (notChecked ??= []).Add(note), notKnown => (warnings ??= []).Add(notKnown));
        return new PodEvaluation(linkErrors, (IReadOnlyList<string>?)warnings ?? [], findings, mode)
        {
            FindingCount = findingCount,
            Unchecked = (IReadOnlyList<string>?)notChecked ?? [],
            BindingsError = bindingsError,
        };
    }
}
