using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>Reads a namespace's policy mode, and names a mode as its label writes it.</summary>
public static class PolicyModes
{
    private static readonly string[] Names = [.. Enum.GetValues<PolicyMode>().Select(mode => mode.ToString().ToLowerInvariant())];

    /// <summary>The namespace's mode; a missing or unknown label enforces, so a typo never turns the policy off.</summary>
    public static PolicyMode Of(NamespaceEntry? ns) => ns?.PublicUrlPolicy?.Trim().ToLowerInvariant() switch
    {
        "warn" => PolicyMode.Warn,
        "off" => PolicyMode.Off,
        _ => PolicyMode.Enforce,
    };

    /// <summary>The mode as the label value that selects it: "enforce", "warn" or "off".</summary>
    public static string Name(PolicyMode mode) => Names[(int)mode];
}
