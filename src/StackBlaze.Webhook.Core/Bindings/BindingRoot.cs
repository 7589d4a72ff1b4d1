using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// Where a container reads its bindings: <c>SERVICE_BINDING_ROOT</c>, which the webhook sets to
/// <c>/bindings</c> as one of the plan's variables, unless the container sets it itself, as the
/// Service Binding specification lets it, to a path the volume is then mounted at.
/// </summary>
internal static class BindingRoot
{
    // Linux's PATH_MAX: a longer path mounts nowhere, and every container's root is copied into the patch.
    public const int MaxLength = 4096;

    /// <summary>The variable every container in scope gets, recorded as the webhook's like a link's.</summary>
    public static InjectedVariable Variable { get; } =
        InjectedVariable.Plain(BindingLayout.RootVariable, BindingLayout.DefaultRoot, StackBlazeAnnotations.ServiceBindings);

    /// <summary>The path the container's bindings are mounted at; null with the reason when its own value names none the webhook can know.</summary>
    public static string? Of(ContainerShape container, InjectionRecord record, out string? error)
    {
        error = null;
        if (record.Contains(BindingLayout.RootVariable) || LastOf(container) is not { } entry)
        {
            return BindingLayout.DefaultRoot;
        }
        var name = $"container \"{BoundedText.Quote(container.Name)}\"";
        var fix = $"set it to a literal absolute path, or leave the container out of {StackBlazeAnnotations.Containers}";
        if (!entry.TryGetProperty("value"u8, out var value) || value.ValueKind != JsonValueKind.String)
        {
            error = $"{name} sets {BindingLayout.RootVariable} from elsewhere than a value: where to mount the bindings is not known before it runs; {fix}";
            return null;
        }
        var root = value.GetString()!;
        if (!root.StartsWith('/') || root.Contains("$(", StringComparison.Ordinal) || root.Length > MaxLength)
        {
            error = $"{name} sets {BindingLayout.RootVariable} to \"{BoundedText.Quote(root)}\", not a literal absolute path of at most {MaxLength} characters; {fix}";
            return null;
        }
        return root;
    }

    // The kubelet takes the last entry of a name set twice, so the mount goes where that one says.
    private static JsonElement? LastOf(ContainerShape container)
    {
        JsonElement? last = null;
        if (container.Env is { } env)
        {
            foreach (var entry in env.EnumerateArray().Where(e => e.GetProperty("name"u8).ValueEquals(BindingLayout.RootVariable)))
            {
                last = entry;
            }
        }
        return last;
    }
}
