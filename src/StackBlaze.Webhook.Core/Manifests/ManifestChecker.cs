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
    public static IReadOnlyList<CheckFinding> Check(IEnumerable<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var findings = new List<CheckFinding>();
        foreach (var document in documents)
        {
            var kind = PodKinds.Find(document.Group, document.Kind);
            if (kind is null && !ConfigMapEvaluator.IsConfigMap(document.Group, document.Kind))
            {
                continue;
            }
            var namespaceName = document.Namespace ?? defaultNamespace;
            var evaluation = kind is null
                ? ConfigMapEvaluator.Evaluate(document.Body, namespaceName, catalog, out var error)
                : PodEvaluator.Evaluate(document.Body, kind, namespaceName, catalog, out error);
            if (evaluation is null)
            {
                findings.Add(new CheckFinding(document, true, null, null, error!));
                continue;
            }
            var enforced = evaluation.Mode == PolicyMode.Enforce;
            findings.AddRange(evaluation.LinkErrors.Select(e => new CheckFinding(document, true, null, null, $"{StackBlazeAnnotations.Links}: {e}")));
            findings.AddRange(evaluation.Findings.Select(f =>
                new CheckFinding(document, enforced, f.Container, f.Subject, f.Message, f.Address, f.Service, f.InternalAddress)));
            if (evaluation.CountedCalls is { } counted)
            {
                findings.Add(new CheckFinding(document, enforced, null, null, counted));
            }
            findings.AddRange(evaluation.Unchecked.Select(u => new CheckFinding(document, enforced, null, null, u)));
            findings.AddRange(evaluation.Warnings.Select(w => new CheckFinding(document, false, null, null, w)));
        }
        return findings;
    }
}
