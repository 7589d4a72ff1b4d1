using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>Reads <c>stackblaze.io/service-bindings</c>: "true" or "false", white space and case aside.</summary>
internal static class BindingsSwitch
{
    /// <summary>Whether the pod asks for bindings; a value that is neither "true" nor "false" gives a reason to deny it.</summary>
    public static bool IsOn(string? annotation, out string? error)
    {
        error = null;
        var value = annotation?.Trim();
        if (value is null || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        error = $"\"{BoundedText.Quote(annotation!)}\" is neither \"true\" nor \"false\"; set \"true\" to project the links' Service Bindings, or remove {StackBlazeAnnotations.ServiceBindings}";
        return false;
    }
}
