using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>What injection does to one pod or template: a patch and warnings, or the reasons it is denied.</summary>
/// <param name="Patch">Operations against the object the shape was read from; empty when nothing changes.</param>
/// <param name="Warnings">One per variable a container already set itself, and one for container names that match none.</param>
/// <param name="InjectedNames">The names injected into, or refreshed in, at least one container, in order.</param>
/// <param name="Errors">Why the links cannot be injected; the pod must then be denied.</param>
internal sealed record PodInjection(
    IReadOnlyList<JsonPatchOperation> Patch,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> InjectedNames,
    IReadOnlyList<string> Errors)
{
    public static PodInjection Nothing { get; } = new([], [], [], []);

    /// <summary>The annotation a denial is about, which its message names.</summary>
    public string DeniedAnnotation { get; init; } = StackBlazeAnnotations.Links;

    public static PodInjection Denied(IReadOnlyList<string> errors, string annotation = StackBlazeAnnotations.Links) =>
        new([], [], [], errors) { DeniedAnnotation = annotation };

    public bool IsDenied => Errors.Count > 0;
}
