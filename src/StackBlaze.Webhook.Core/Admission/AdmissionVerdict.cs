using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>
/// The decision on one review: allowed, with the patch to apply and the warnings to show, or
/// denied for a reason, in words. What the review did beside it (the variables injected, the
/// public-URL findings) rides along for audit and metrics. The host says it in the API server's terms.
/// </summary>
/// <param name="Denial">Why the request is denied; null when it is allowed.</param>
/// <param name="Message">What a denial says to whoever made the request; null when allowed.</param>
/// <param name="Patch">What to change in the object, when allowed.</param>
public sealed record AdmissionVerdict(DenialReason? Denial, string? Message, IReadOnlyList<JsonPatchOperation> Patch)
{
    public bool Allowed => Denial is null;

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The variables the patch injects, by name, for audit annotations and metrics; never their values.</summary>
    public IReadOnlyList<string> InjectedEnv { get; init; } = [];

    /// <summary>What the public-URL policy found; null when the review did not look.</summary>
    public PolicyFindings? Findings { get; init; }

    public static AdmissionVerdict Allow { get; } = new(null, null, []);

    /// <summary>
    /// Denied until the catalog has its first full picture of the cluster; controllers retry
    /// their pods, and a deny is better than an answer from half a catalog.
    /// </summary>
    public static AdmissionVerdict CatalogSyncing { get; } = Denied(DenialReason.NotReady,
        "the StackBlaze webhook is still syncing its catalog with the cluster; retry in a moment");

    public static AdmissionVerdict Patched(IReadOnlyList<JsonPatchOperation> patch, IReadOnlyList<string> warnings, IReadOnlyList<string>? injectedEnv = null) =>
        new(null, null, patch) { Warnings = warnings, InjectedEnv = injectedEnv ?? [] };

    public static AdmissionVerdict Denied(DenialReason reason, string message) => new(reason, message, []);

    /// <summary>A request of <paramref name="operation"/> (CREATE or UPDATE) without the object it is about.</summary>
    public static AdmissionVerdict NoObject(Operation operation) =>
        Denied(DenialReason.InvalidObject, $"the {operation.ToString().ToUpperInvariant()} request carries no object");
}
