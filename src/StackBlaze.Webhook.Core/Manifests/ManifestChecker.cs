using System.Text.Json;
using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Conventions;
using StackBlaze.Webhook.Policy;
using StackBlaze.Webhook.Workloads;

namespace StackBlaze.Webhook.Manifests;

/// <summary>
/// What the validating webhook would say of manifests, said of the files: links that cannot work
/// and calls to the project's public URLs, per each namespace's policy mode.
/// </summary>
public static class ManifestChecker
{
    public static IReadOnlyList<CheckFinding> Check(IEnumerable<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var findings = new List<CheckFinding>();
        foreach (var document in documents)
        {
            if (PodKinds.Find(document.Group, document.Kind) is not { } kind)
            {
                continue;
            }
            var namespaceName = document.Namespace ?? defaultNamespace;
            var evaluation = PodEvaluator.Evaluate(JsonElement.Parse(document.Body.ToJsonString()), kind, namespaceName, catalog, out var error);
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
