using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// Which containers get a pod's variables: those the <c>stackblaze.io/containers</c> annotation
/// names (comma-separated container names, white space around them ignored), else every container
/// and init container.
/// </summary>
internal sealed class ContainerScope
{
    private readonly HashSet<string>? _names;

    private ContainerScope(HashSet<string>? names, IReadOnlyList<string> errors)
    {
        _names = names;
        Errors = errors;
    }

    /// <summary>Every container and init container: the pod names none.</summary>
    public static ContainerScope Every { get; } = new(null, []);

    /// <summary>Why the annotation cannot be read; the pod must then be denied.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static ContainerScope Parse(string? annotation)
    {
        if (annotation is null)
        {
            return Every;
        }
        if (OverLimit(annotation) is { } limit)
        {
            return new ContainerScope(null, [limit]);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        // Empty entries ("app,") are tolerated, as in the links annotation.
        foreach (var name in annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (KubernetesNames.IsDnsLabel(name))
            {
                names.Add(name);
            }
            else
            {
                errors.Add($"\"{BoundedText.Quote(name)}\" is not a container name (a DNS label: lower-case letters, digits and '-', at most 63)");
            }
        }
        if (names.Count == 0 && errors.Count == 0)
        {
            errors.Add($"the annotation names no container; leave it out for every container, or set {StackBlazeAnnotations.Inject}: \"false\"");
        }
        return new ContainerScope(names, errors);
    }

    /// <summary>Whether the container gets the variables.</summary>
    public bool Includes(ContainerShape container) => _names is null || _names.Contains(container.Name);

    /// <summary>How many of the containers get the variables.</summary>
    public int Count(IReadOnlyList<ContainerShape> containers)
    {
        var count = 0;
        for (var i = 0; i < containers.Count; i++)
        {
            count += Includes(containers[i]) ? 1 : 0;
        }
        return count;
    }

    /// <summary>
    /// A warning for names that match no container of the pod, or null: a typo, or a container a
    /// later webhook adds, which reinvocation then injects.
    /// </summary>
    public string? UnknownNamesWarning(PodShape pod)
    {
        if (_names is null)
        {
            return null;
        }
        var present = pod.Containers.Concat(pod.InitContainers).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        string[] unknown = [.. _names.Where(name => !present.Contains(name)).Order(StringComparer.Ordinal)];
        return unknown.Length == 0
            ? null
            : BoundedText.Warning(
                $"{StackBlazeAnnotations.Containers} names {BoundedText.Join(", ", unknown, ReviewLimits.MaxNamesListed)}, not a container of this pod "
                + $"(it has {BoundedText.Join(", ", [.. present.Order(StringComparer.Ordinal)], ReviewLimits.MaxNamesListed)}): nothing is injected there unless a later webhook adds it");
    }

    /// <summary>Why the annotation is refused unread, or null: checked before any name is.</summary>
    private static string? OverLimit(string annotation)
    {
        if (annotation.Length > ReviewLimits.MaxContainersAnnotationLength)
        {
            return $"the annotation is {annotation.Length} characters long; at most {ReviewLimits.MaxContainersAnnotationLength} are allowed";
        }
        var count = 0;
        foreach (var range in annotation.AsSpan().Split(','))
        {
            if (!annotation.AsSpan(range).IsWhiteSpace())
            {
                count++;
            }
        }
        return count > ReviewLimits.MaxScopedContainers
            ? $"the annotation names {count} containers; at most {ReviewLimits.MaxScopedContainers} are allowed"
            : null;
    }
}
