using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Policy;

/// <summary>Reads a namespace's policy mode.</summary>
public static class PolicyModes
{
    /// <summary>The namespace's mode; a missing or unknown label enforces, so a typo never turns the policy off.</summary>
    public static PolicyMode Of(NamespaceEntry? ns) => ns?.PublicUrlPolicy?.Trim().ToLowerInvariant() switch
    {
        "warn" => PolicyMode.Warn,
        "off" => PolicyMode.Off,
        _ => PolicyMode.Enforce,
    };
}
