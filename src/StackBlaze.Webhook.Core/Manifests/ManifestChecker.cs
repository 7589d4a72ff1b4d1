using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// What the validating webhook would say of manifests, said of the files: links that cannot work
/// and calls to the project's public URLs, per each namespace's policy mode, in workloads and in
/// ConfigMaps alike. Files have no old object: every call counts as new.
/// </summary>
public static class ManifestChecker
{
    /// <summary>The findings, in the order of the objects, each pointing at the line of the value it is about where that can be told.</summary>
    public static IReadOnlyList<CheckFinding> Check(IEnumerable<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var findings = new List<CheckFinding>();
        foreach (var document in documents)
        {
            if (!Judges(document))
            {
                continue;
            }
            var kind = PodKinds.Find(document.Group, document.Kind);
            var namespaceName = document.Namespace ?? defaultNamespace;
            var evaluation = kind is null
                ? ConfigMapEvaluator.Evaluate(document.Body, namespaceName, catalog, out var error)
                : PodEvaluator.Evaluate(document.Body, kind, namespaceName, catalog, out error);
            if (evaluation is null)
            {
                findings.Add(new CheckFinding(document, FindingRule.UnreadableObject, true, null, null, error!));
                continue;
            }
            var enforced = evaluation.Mode == PolicyMode.Enforce;
            var links = kind is null || evaluation.LinkErrors.Count == 0 ? null : FindingPointer.OfLinks(document.Body, kind);
            findings.AddRange(evaluation.LinkErrors.Select(e =>
                new CheckFinding(document, FindingRule.BrokenLink, true, null, null, $"{StackBlazeAnnotations.Links}: {e}") { ValuePointer = links }));
            if (evaluation.BindingsError is { } bindingsError)
            {
                findings.Add(new CheckFinding(document, FindingRule.BrokenLink, true, null, null, $"{StackBlazeAnnotations.ServiceBindings}: {bindingsError}"));
            }
            findings.AddRange(evaluation.Findings.Select(f =>
                new CheckFinding(document, FindingRule.PublicUrl, enforced, f.Container, f.Subject, f.Message, f.Address, f.Service, f.InternalAddress)
                {
                    ValuePointer = FindingPointer.OfValue(document.Body, kind, f.Container, f.Subject),
                }));
            if (evaluation.CountedCalls is { } counted)
            {
                findings.Add(new CheckFinding(document, FindingRule.CallsNotListed, enforced, null, null, counted));
            }
            findings.AddRange(evaluation.Unchecked.Select(u => new CheckFinding(document, FindingRule.NotChecked, enforced, null, null, u)));
            findings.AddRange(evaluation.Warnings.Select(w => new CheckFinding(document, FindingRule.Advice, false, null, null, w)));
        }
        return ValuePositions.Locate(findings);
    }

    /// <summary>Whether <see cref="Check"/> judges the object: a pod, a workload with a pod template, or a ConfigMap.</summary>
    public static bool Judges(ManifestDocument document) =>
        PodKinds.Find(document.Group, document.Kind) is not null || ConfigMapEvaluator.IsConfigMap(document.Group, document.Kind);
}
