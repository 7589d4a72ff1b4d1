using System.Text.Json;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>
/// The validating webhook's decisions on pods, workloads and ConfigMaps: links that cannot work,
/// and calls to the project's own services through their public URLs, per the namespace's policy mode.
/// Dry runs are answered exactly like real requests; nothing here has side effects.
/// </summary>
public sealed class ValidatingAdmission(IProjectCatalog catalog)
{
    private readonly AnnotationCache<LinkCheck> _linkChecks = new(catalog, LinkValidator.Check, check => check.RetainedBytes);

    // Most reviews find nothing: their answer, per mode, is made once.
    private static readonly AdmissionVerdict[] NothingFound =
        [.. Enum.GetValues<PolicyMode>().Select(mode => AdmissionVerdict.Allow with { Findings = new PolicyFindings(mode, 0) })];

    public AdmissionVerdict Review(AdmissionAttributes request)
    {
        var kind = PodKinds.Find(request.Group, request.Kind);
        if ((kind is null && !ConfigMapEvaluator.IsConfigMap(request.Group, request.Kind))
            || request.Operation is not (Operation.Create or Operation.Update)
            || !IsEvaluated(request.SubResource, kind))
        {
            return AdmissionVerdict.Allow;
        }
        if (!catalog.IsSynced)
        {
            return AdmissionVerdict.CatalogSyncing;
        }
        if (request.ObjectJson is not { } obj)
        {
            return AdmissionVerdict.NoObject(request.Operation);
        }
        if (string.IsNullOrEmpty(request.Namespace))
        {
            return AdmissionVerdict.Denied(DenialReason.InvalidObject, "the request names no namespace");
        }
        var evaluation = Evaluate(obj, kind, request.Namespace, out var error);
        if (evaluation is null)
        {
            return AdmissionVerdict.Denied(DenialReason.InvalidObject, error!);
        }

        if (evaluation is { Findings.Count: 0, LinkErrors.Count: 0, Warnings.Count: 0, Unchecked.Count: 0, BindingsError: null })
        {
            return NothingFound[(int)evaluation.Mode];
        }

        var warnings = new List<string>(evaluation.Warnings);
        var blocking = new List<string>();
        // Warn mode refuses nothing; what a controller makes (a Deployment's ReplicaSets, their pods) was
        // checked as its template when applied, and refusing it now would only stall rollouts and keep
        // crashed pods from coming back. Who made it is the API server's word, not the object's.
        var refusable = evaluation.Mode == PolicyMode.Enforce && !ControllerUsers.IsController(request.UserName);
        // An UPDATE is not refused for what the object already did: only new calls count. The old
        // object is read only when a finding could otherwise be refused.
        var before = refusable && (evaluation.Findings.Count > 0 || evaluation.Unchecked.Count > 0) ? Previous(request, kind) : PreviousCalls.None;
        foreach (var finding in evaluation.Findings)
        {
            (refusable && !before.Findings.Contains(finding) ? blocking : warnings).Add(finding.ToString());
        }
        foreach (var note in evaluation.Unchecked)
        {
            (refusable && !before.Unchecked.Contains(note) ? blocking : warnings).Add(note);
        }
        // Calls past those kept are known only by their number: more of them than before are new.
        if (evaluation.CountedCalls is { } counted)
        {
            (refusable && evaluation.FindingCount > before.Count ? blocking : warnings).Add(counted);
        }

        var reasons = new List<string>();
        if (evaluation.LinkErrors.Count > 0)
        {
            reasons.Add($"{StackBlazeAnnotations.Links}: {BoundedText.Problems(evaluation.LinkErrors)}");
        }
        if (evaluation.BindingsError is { } bindingsError)
        {
            reasons.Add($"{StackBlazeAnnotations.ServiceBindings}: {bindingsError}");
        }
        if (blocking.Count > 0)
        {
            reasons.Add($"calls to this project's public URLs ({StackBlazeLabels.PublicUrlPolicy}: enforce): {BoundedText.Problems(blocking)}");
        }
        var verdict = reasons.Count > 0 ? AdmissionVerdict.Denied(DenialReason.Policy, string.Join(" | ", reasons)) : AdmissionVerdict.Allow;
        return verdict with { Warnings = warnings, Findings = new PolicyFindings(evaluation.Mode, evaluation.FindingCount) };
    }

    /// <summary>
    /// The object itself, or a pod's ephemeral containers (<c>kubectl debug</c> adds them through
    /// that subresource, the pod whole in the request); other subresources (status, binding...) change no configuration.
    /// </summary>
    private static bool IsEvaluated(string subResource, PodKind? kind) =>
        subResource.Length == 0 || (kind is { IsPod: true } && subResource == "ephemeralcontainers");

    /// <summary>On UPDATE, what the old object did.</summary>
    private PreviousCalls Previous(AdmissionAttributes request, PodKind? kind) =>
        request.Operation == Operation.Update && request.OldObjectJson is { } old
            && Evaluate(old, kind, request.Namespace, out _) is { } previous
            ? new([.. previous.Findings], [.. previous.Unchecked], previous.FindingCount)
            : PreviousCalls.None;

    /// <summary>A pod or workload of <paramref name="kind"/>, or a ConfigMap when there is no kind.</summary>
    private PodEvaluation? Evaluate(JsonElement obj, PodKind? kind, string namespaceName, out string? error) =>
        kind is null
            ? ConfigMapEvaluator.Evaluate(obj, namespaceName, catalog, out error)
            : PodEvaluator.Evaluate(obj, kind, namespaceName, catalog, out error, _linkChecks);

    /// <summary>
    /// What the old object of an UPDATE already did: its calls, compared as values; what could not
    /// be checked for them; how many calls it made in all.
    /// </summary>
    private sealed record PreviousCalls(HashSet<PublicUrlFinding> Findings, HashSet<string> Unchecked, int Count)
    {
        public static PreviousCalls None { get; } = new([], [], 0);
    }
}
