using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>
/// The mutating webhook's decisions: pods get their links' variables; workloads get their link
/// annotations copied into the pod template, so that every pod they make carries them.
/// </summary>
public sealed class MutatingAdmission(IProjectCatalog catalog)
{
    private readonly LinkPlans _plans = new(catalog);

    public AdmissionVerdict Review(AdmissionAttributes request)
    {
        var kind = PodKinds.Find(request.Group, request.Kind);
        if (kind is null || !AppliesTo(kind, request.Operation))
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

        if (!kind.IsPod)
        {
            var propagation = TemplateAnnotationPropagator.Propagate(obj, kind, out var workloadError);
            return propagation is null
                ? AdmissionVerdict.Denied(DenialReason.InvalidObject, $"the object cannot be read as a {kind.Kind}: {workloadError}")
                : AdmissionVerdict.Patched(propagation, []);
        }

        var pod = ObjectShapeReader.ReadPod(obj, out var podError);
        if (pod is null)
        {
            return AdmissionVerdict.Denied(DenialReason.InvalidObject, $"the object cannot be read as a Pod: {podError}");
        }
        if (string.IsNullOrEmpty(request.Namespace))
        {
            return AdmissionVerdict.Denied(DenialReason.InvalidObject, "the request names no namespace");
        }

        var injection = PodInjector.Inject(pod, "", request.Namespace, catalog, _plans);
        return injection.IsDenied
            ? AdmissionVerdict.Denied(DenialReason.Policy, $"{injection.DeniedAnnotation}: {BoundedText.Problems(injection.Errors)}")
            : AdmissionVerdict.Patched(injection.Patch, injection.Warnings, injection.InjectedNames);
    }

    // A pod's containers cannot change after creation; a workload's template can, and rolls its pods.
    private static bool AppliesTo(PodKind kind, Operation operation) =>
        operation == Operation.Create || (operation == Operation.Update && !kind.IsPod);
}
