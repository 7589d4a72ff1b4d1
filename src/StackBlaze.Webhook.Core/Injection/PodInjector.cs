using StackBlaze.Webhook.Core.Bindings;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// Injects the variables of a pod's links into the containers in scope, as an RFC 6902 patch. Every
/// pass, the first or a reinvocation, and a pod made from <c>inject</c>'s output alike, ends with
/// the webhook's variables as the links give them now.
/// </summary>
internal static class PodInjector
{
    // The record's place below an object's annotations, escaped once: a pod's patch has it on every first pass.
    private static readonly string RecordPointer = JsonPointer.Append("/metadata/annotations", StackBlazeAnnotations.InjectedEnv);

    /// <param name="pod">The pod, or a workload's pod template.</param>
    /// <param name="basePath">Where <paramref name="pod"/> stands in the patched document: "" for a pod.</param>
    /// <param name="namespaceName">The namespace links resolve in.</param>
    /// <param name="catalog">The Services links resolve against.</param>
    /// <param name="plans">Plans already made for this catalog, if the caller keeps them.</param>
    /// <param name="trace">Told what each container gets and why not, for <c>explain</c>; the webhook passes none.</param>
    public static PodInjection Inject(
        PodShape pod, string basePath, string namespaceName, IProjectCatalog catalog, LinkPlans? plans = null, IInjectionTrace? trace = null)
    {
        var metadata = pod.Metadata;
        var links = metadata.Annotation(StackBlazeAnnotations.Links) ?? "";
        var recorded = metadata.Annotation(StackBlazeAnnotations.InjectedEnv);
        var bindingsAnnotation = metadata.Annotation(StackBlazeAnnotations.ServiceBindings);
        // A pod with a record or bindings and no links any more still has the webhook's variables and files to take back.
        if (IsOptedOut(metadata)
            || (string.IsNullOrWhiteSpace(links) && recorded is null && bindingsAnnotation is null && !metadata.HasBindingFiles))
        {
            return PodInjection.Nothing;
        }

        var scope = ContainerScope.Parse(metadata.Annotation(StackBlazeAnnotations.Containers));
        if (!scope.IsValid)
        {
            return PodInjection.Denied(scope.Errors, StackBlazeAnnotations.Containers);
        }
        var record = InjectionRecord.Parse(recorded);
        if (record.Error is { } recordError)
        {
            return PodInjection.Denied([recordError], StackBlazeAnnotations.InjectedEnv);
        }
        var bindingsOn = BindingsSwitch.IsOn(bindingsAnnotation, out var bindingsError);
        if (bindingsError is not null)
        {
            return PodInjection.Denied([bindingsError], StackBlazeAnnotations.ServiceBindings);
        }
        // A pod that asks for bindings gets SERVICE_BINDING_ROOT as one of its variables; one that no longer does has it taken back.
        var plan = plans?.Get(links, namespaceName, bindingsOn)
            ?? (bindingsOn ? LinkPlanner.PlanWithBindings(links, namespaceName, catalog) : LinkPlanner.Plan(links, namespaceName, catalog));
        if (!plan.IsValid)
        {
            return PodInjection.Denied(plan.Errors);
        }
        if (!plan.Bindings.IsValid)
        {
            return PodInjection.Denied(plan.Bindings.Errors, StackBlazeAnnotations.ServiceBindings);
        }
        string[] stale = record.Names.Count == 0 ? [] : [.. record.Names.Except(plan.Names, StringComparer.Ordinal)];
        var inScope = scope.Count(pod.InitContainers) + scope.Count(pod.Containers);
        if (OverLimit(plan, stale.Length, inScope) is { } limit)
        {
            return PodInjection.Denied([limit]);
        }
        var projection = ProjectBindings(pod, plan.Bindings.Bindings.Count > 0 ? plan.Bindings : null, scope, record, basePath);
        if (projection?.Errors.Count > 0)
        {
            return PodInjection.Denied(projection.Errors, StackBlazeAnnotations.ServiceBindings);
        }
        if (projection?.PatchBytes > ReviewLimits.MaxBindingBytes)
        {
            return PodInjection.Denied(
                [$"the bindings and their mounts in {inScope} containers add about {projection.PatchBytes} bytes to the pod; at most {ReviewLimits.MaxBindingBytes} are added to one pod"],
                StackBlazeAnnotations.ServiceBindings);
        }

        var patch = new List<JsonPatchOperation>(inScope * plan.Variables.Count + 1 + plan.Labels.Keys.Count);
        var patcher = new ContainerPatcher(plan, record, basePath, stale, patch);
        PatchInScope(pod.InitContainers, "initContainers", scope, patcher, trace);
        PatchInScope(pod.Containers, "containers", scope, patcher, trace);
        projection?.AddOperations(patch);
        if (plan.Labels.AddOperations(patch, metadata, basePath) is { } labelsError)
        {
            return PodInjection.Denied([labelsError]);
        }

        AddRecordOperations(patch, metadata, basePath, plan, record, patcher);
        var warnings = patcher.Warnings;
        if (scope.UnknownNamesWarning(pod) is { } unknown)
        {
            (warnings ??= []).Add(unknown);
        }
        if (patch.Count == 0 && warnings is null)
        {
            return PodInjection.Nothing;
        }
        // Most pods get every variable: the plan's names, listed and joined, serve them all.
        IReadOnlyList<string> changed = patcher.AllChanged
            ? plan.Names
            : [.. plan.Variables.Where((_, v) => patcher.Changed(v)).Select(v => v.Name)];
        return new PodInjection(patch, (IReadOnlyList<string>?)warnings ?? [], changed, []);
    }

    private static void PatchInScope(IReadOnlyList<ContainerShape> containers, string list, ContainerScope scope, ContainerPatcher patcher, IInjectionTrace? trace)
    {
        for (var index = 0; index < containers.Count; index++)
        {
            if (scope.Includes(containers[index]))
            {
                patcher.Patch(containers[index], list, index, trace);
            }
            else
            {
                trace?.OutOfScope(containers[index], list);
            }
        }
    }

    /// <summary>What brings the pod's bindings in line, read and counted; null for a pod that neither asks for bindings nor has any.</summary>
    private static BindingProjection? ProjectBindings(PodShape pod, ServiceBindings? wanted, ContainerScope scope, InjectionRecord record, string basePath) =>
        wanted is null && !pod.Metadata.HasBindingFiles ? null : BindingProjection.Read(pod, wanted, scope, record, basePath);

    /// <summary>Adds what brings the record in line with the variables that are now the webhook's: nothing when it already is.</summary>
    private static void AddRecordOperations(
        List<JsonPatchOperation> patch, MetadataShape metadata, string basePath, LinkPlan plan, InjectionRecord record, ContainerPatcher patcher)
    {
        var all = patcher.AllRecorded;
        var names = all ? plan.JoinedNames : string.Join(',', plan.Variables.Where((_, v) => patcher.Recorded(v)).Select(v => v.Name));
        if (names == record.Text || (names.Length == 0 && record.Text is null))
        {
            return;
        }
        if (!metadata.HasAnnotations)
        {
            patch.AddRange(AnnotationPatch.Add(metadata, basePath, [KeyValuePair.Create(StackBlazeAnnotations.InjectedEnv, names)]));
            return;
        }
        var path = basePath + RecordPointer;
        patch.Add(record.Text is null ? JsonPatchOperation.Add(path, names)
            : names.Length == 0 ? JsonPatchOperation.Remove(path)
            : JsonPatchOperation.Replace(path, names));
    }

    /// <summary>Why the pod would get more than a pod may, counted before a single operation is made; or null.</summary>
    private static string? OverLimit(LinkPlan plan, int stale, int containers)
    {
        var perContainer = plan.Variables.Count + stale;
        var variables = (long)perContainer * containers;
        if (variables > ReviewLimits.MaxInjectedVariables)
        {
            return $"{perContainer} variables in each of {containers} containers make {variables}; "
                + $"at most {ReviewLimits.MaxInjectedVariables} are injected into one pod";
        }
        var bytes = (long)plan.EnvArrayJson.Length * containers;
        return bytes > ReviewLimits.MaxInjectedBytes
            ? $"the variables of {containers} containers make {bytes} bytes; at most {ReviewLimits.MaxInjectedBytes} are injected into one pod"
            : null;
    }

    public static bool IsOptedOut(MetadataShape metadata) =>
        string.Equals(metadata.Annotation(StackBlazeAnnotations.Inject)?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
