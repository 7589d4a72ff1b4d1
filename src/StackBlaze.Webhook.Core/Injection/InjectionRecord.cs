using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// The webhook's record on a pod, <c>stackblaze.io/injected-env</c>: the variables that are its
/// own, set to what the links give on every pass and removed when no link gives them. The pod's
/// owner can write it too; it can only make the webhook change that owner's own pod.
/// </summary>
internal sealed class InjectionRecord
{
    private readonly HashSet<string> _names;

    private InjectionRecord(string? text, HashSet<string> names, string? error)
    {
        Text = text;
        _names = names;
        Error = error;
    }

    /// <summary>No record: the pod has no annotation.</summary>
    public static InjectionRecord None { get; } = new(null, [], null);

    /// <summary>The annotation as found, or null when the pod has none.</summary>
    public string? Text { get; }

    /// <summary>Why the record cannot be read, or null.</summary>
    public string? Error { get; }

    public IReadOnlyCollection<string> Names => _names;

    public static InjectionRecord Parse(string? annotation)
    {
        if (annotation is null)
        {
            return None;
        }
        // Counted before it is split: a record is never longer than what one pod may be given.
        var count = annotation.AsSpan().Count(',') + 1;
        if (count > ReviewLimits.MaxInjectedVariables)
        {
            return new InjectionRecord(annotation, [], $"the annotation names {count} variables; at most {ReviewLimits.MaxInjectedVariables} are injected into one pod");
        }
        return new InjectionRecord(
            annotation,
            annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            null);
    }

    public bool Contains(string name) => _names.Contains(name);
}
