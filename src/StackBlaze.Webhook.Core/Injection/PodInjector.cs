using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Conventions;
using StackBlaze.Webhook.Limits;
using StackBlaze.Webhook.Objects;
using StackBlaze.Webhook.Patches;

namespace StackBlaze.Webhook.Injection;

/// <summary>Injects the variables of a pod's links into its containers, as an RFC 6902 patch.</summary>
public static class PodInjector
{
    /// <param name="pod">The pod, or a workload's pod template.</param>
    /// <param name="basePath">Where <paramref name="pod"/> stands in the patched document: "" for a pod.</param>
    /// <param name="namespaceName">The namespace links resolve in.</param>
    /// <param name="catalog">The Services links resolve against.</param>
    /// <param name="plans">Plans already made for this catalog, if the caller keeps them.</param>
    public static PodInjection Inject(PodShape pod, string basePath, string namespaceName, IProjectCatalog catalog, AnnotationCache<LinkPlan>? plans = null)
    {
        var metadata = pod.Metadata;
        var links = metadata.Annotation(StackBlazeAnnotations.Links);
        if (IsOptedOut(metadata)
            || metadata.Annotation(StackBlazeAnnotations.InjectedEnv) is not null
            || string.IsNullOrWhiteSpace(links))
        {
            return PodInjection.Nothing;
        }

        var plan = plans?.Get(links, namespaceName) ?? LinkPlanner.Plan(links, namespaceName, catalog);
        if (!plan.IsValid)
        {
            return PodInjection.Denied(plan.Errors);
        }
        if (OverLimit(plan, pod.Containers.Count + pod.InitContainers.Count) is { } limit)
        {
            return PodInjection.Denied([limit]);
        }

        var patch = new List<JsonPatchOperation>((pod.Containers.Count + pod.InitContainers.Count) * plan.Variables.Count + 1);
        List<string>? warnings = null;
        var injected = new bool[plan.Variables.Count];
        AddToContainers(pod.InitContainers, basePath, "initContainers", plan, patch, ref warnings, injected);
        AddToContainers(pod.Containers, basePath, "containers", plan, patch, ref warnings, injected);

        // Most pods get every variable: the plan keeps their names, listed and joined, for all of them.
        var injectedNames = System.Array.TrueForAll(injected, done => done)
            ? plan.Names
            : [.. plan.Variables.Where((_, i) => injected[i]).Select(v => v.Name)];
        if (injectedNames.Count > 0)
        {
            // In the usual case the operation is the same for every pod of the plan, and kept with it.
            patch.AddRange(injectedNames == plan.Names && metadata.HasAnnotations
                ? plan.InjectedEnvAnnotations.GetOrAdd(
                    basePath, static (path, state) => InjectedEnvAnnotation(state.metadata, path, state.JoinedNames), (metadata, plan.JoinedNames))
                : InjectedEnvAnnotation(metadata, basePath, string.Join(',', injectedNames)));
        }
        return new PodInjection(patch, (IReadOnlyList<string>?)warnings ?? [], injectedNames, []);
    }

    /// <summary>Why the pod would get more than a pod may, counted before a single operation is made; or null.</summary>
    private static string? OverLimit(LinkPlan plan, int containers)
    {
        var variables = (long)plan.Variables.Count * containers;
        if (variables > ReviewLimits.MaxInjectedVariables)
        {
            return $"{plan.Variables.Count} variables in each of {containers} containers make {variables}; "
                + $"at most {ReviewLimits.MaxInjectedVariables} are injected into one pod";
        }
        var bytes = (long)plan.EnvArrayJson().Length * containers;
        return bytes > ReviewLimits.MaxInjectedBytes
            ? $"the variables of {containers} containers make {bytes} bytes; at most {ReviewLimits.MaxInjectedBytes} are injected into one pod"
            : null;
    }

    private static IReadOnlyList<JsonPatchOperation> InjectedEnvAnnotation(MetadataShape metadata, string basePath, string names) =>
        AnnotationPatch.Add(metadata, basePath, [KeyValuePair.Create(StackBlazeAnnotations.InjectedEnv, names)]);

    public static bool IsOptedOut(MetadataShape metadata) =>
        string.Equals(metadata.Annotation(StackBlazeAnnotations.Inject)?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    private static void AddToContainers(
        IReadOnlyList<ContainerShape> containers,
        string basePath,
        string list,
        LinkPlan plan,
        List<JsonPatchOperation> patch,
        ref List<string>? warnings,
        bool[] injected)
    {
        var variables = plan.Variables;
        var added = new bool[variables.Count];
        Span<bool> isSet = plan.EnvNames.Count <= 128 ? stackalloc bool[plan.EnvNames.Count] : new bool[plan.EnvNames.Count];
        for (var index = 0; index < containers.Count; index++)
        {
            var container = containers[index];
            container.FindSet(plan.EnvNamesUtf8, isSet);
            var addedCount = 0;
            for (var v = 0; v < variables.Count; v++)
            {
                var variable = variables[v];
                added[v] = false;
                if (isSet[IndexOf(plan, variable.Name)])
                {
                    (warnings ??= []).Add(AdmissionWarning.Create(
                        $"container \"{container.Name}\" sets {variable.Name} itself: kept as written, link \"{variable.LinkText}\" not injected there"));
                    continue;
                }
                // The container's own definition would come after ours, and Kubernetes expands only earlier variables.
                if (FirstSet(plan, variable.References, isSet) is { } shadowed)
                {
                    (warnings ??= []).Add(AdmissionWarning.Create(
                        $"container \"{container.Name}\" sets {shadowed} itself, so {variable.Name} of link \"{variable.LinkText}\" "
                        + $"could not expand $({shadowed}): not injected there"));
                    continue;
                }
                added[v] = injected[v] = true;
                addedCount++;
            }

            if (addedCount == 0)
            {
                continue;
            }
            var place = (basePath, list, index, container.EnvCount is not null);
            // Most containers get every variable, at the same few places: the plan keeps those operations.
            patch.AddRange(addedCount == variables.Count
                ? plan.ContainerOperations(place, static (place, plan) => Operations(place, plan, plan.Variables))
                : Operations(place, plan, [.. variables.Where((_, v) => added[v])]));
        }
    }

    /// <summary>
    /// What gives a container the variables: one array when it has no env; else each inserted ahead
    /// of its own, so that they can refer to ours as $(NAME).
    /// </summary>
    private static JsonPatchOperation[] Operations(
        (string BasePath, string List, int Index, bool HasEnv) place, LinkPlan plan, IReadOnlyList<InjectedVariable> variables)
    {
        var env = $"{place.BasePath}/spec/{place.List}/{place.Index}/env";
        return place.HasEnv
            ? [.. variables.Select((variable, position) => JsonPatchOperation.AddJson($"{env}/{position}", variable.EnvVarJson()))]
            : [JsonPatchOperation.AddJson(env, variables == plan.Variables ? plan.EnvArrayJson() : InjectedVariable.EnvArrayJson(variables))];
    }

    private static string? FirstSet(LinkPlan plan, IReadOnlyList<string> names, ReadOnlySpan<bool> isSet)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (isSet[IndexOf(plan, names[i])])
            {
                return names[i];
            }
        }
        return null;
    }

    // Every variable's name and reference is among the plan's env names, by construction.
    private static int IndexOf(LinkPlan plan, string name)
    {
        var names = plan.EnvNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{name} is not among the plan's env names");
    }
}
