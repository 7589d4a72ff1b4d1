using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Conventions;
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

        var patch = new List<JsonPatchOperation>();
        var warnings = new List<string>();
        var injected = new HashSet<string>(StringComparer.Ordinal);
        AddToContainers(pod.InitContainers, $"{basePath}/spec/initContainers", plan.Variables, patch, warnings, injected);
        AddToContainers(pod.Containers, $"{basePath}/spec/containers", plan.Variables, patch, warnings, injected);

        var injectedNames = plan.Variables.Select(v => v.Name).Where(injected.Contains).ToArray();
        if (injectedNames.Length > 0)
        {
            patch.AddRange(AnnotationPatch.Add(metadata, basePath, [KeyValuePair.Create(StackBlazeAnnotations.InjectedEnv, string.Join(",", injectedNames))]));
        }
        return new PodInjection(patch, warnings, injectedNames, []);
    }

    public static bool IsOptedOut(MetadataShape metadata) =>
        string.Equals(metadata.Annotation(StackBlazeAnnotations.Inject)?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    private static void AddToContainers(
        IReadOnlyList<ContainerShape> containers,
        string listPointer,
        IReadOnlyList<InjectedVariable> variables,
        List<JsonPatchOperation> patch,
        List<string> warnings,
        HashSet<string> injected)
    {
        for (var index = 0; index < containers.Count; index++)
        {
            var container = containers[index];
            var envPointer = $"{JsonPointer.Append(listPointer, index)}/env";
            var added = new List<InjectedVariable>(variables.Count);
            foreach (var variable in variables)
            {
                if (container.Sets(variable.Name))
                {
                    warnings.Add(AdmissionWarning.Create(
                        $"container \"{container.Name}\" sets {variable.Name} itself: kept as written, link \"{variable.LinkText}\" not injected there"));
                    continue;
                }
                // The container's own definition would come after ours, and Kubernetes expands only earlier variables.
                if (variable.References.FirstOrDefault(container.Sets) is { } shadowed)
                {
                    warnings.Add(AdmissionWarning.Create(
                        $"container \"{container.Name}\" sets {shadowed} itself, so {variable.Name} of link \"{variable.LinkText}\" "
                        + $"could not expand $({shadowed}): not injected there"));
                    continue;
                }
                added.Add(variable);
                injected.Add(variable.Name);
            }

            if (added.Count == 0)
            {
                continue;
            }
            if (container.EnvCount is null)
            {
                patch.Add(JsonPatchOperation.AddJson(envPointer, JsonArrayOf(added)));
                continue;
            }
            // Insert ahead of the container's own variables, so they can refer to ours as $(NAME).
            for (var position = 0; position < added.Count; position++)
            {
                patch.Add(JsonPatchOperation.AddJson(JsonPointer.Append(envPointer, position), added[position].EnvVarJson()));
            }
        }
    }

    /// <summary>The variables' JSON, written once each, joined into an array.</summary>
    private static byte[] JsonArrayOf(List<InjectedVariable> variables)
    {
        var length = variables.Sum(v => v.EnvVarJson().Length) + variables.Count + 1;
        var array = new byte[length];
        array[0] = (byte)'[';
        var at = 1;
        foreach (var variable in variables)
        {
            variable.EnvVarJson().Span.CopyTo(array.AsSpan(at));
            at += variable.EnvVarJson().Length;
            array[at++] = (byte)',';
        }
        array[^1] = (byte)']';
        return array;
    }
}
