using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>A handler's answer: allowed, perhaps with a patch and warnings, or refused with a code and message.</summary>
public sealed record AdmissionOutcome(
    bool Allowed,
    IReadOnlyList<JsonPatchOperation> Patch,
    IReadOnlyList<string> Warnings,
    int? StatusCode,
    string? Message)
{
    /// <summary>The code of a policy denial: the request is understood and refused.</summary>
    public const int Forbidden = 403;

    /// <summary>The code of a request whose object cannot be read as its kind.</summary>
    public const int BadRequest = 400;

    /// <summary>The variables the patch injects, by name, for audit annotations and metrics; never their values.</summary>
    public IReadOnlyList<string> InjectedEnv { get; init; } = [];

    /// <summary>What the public-URL policy found; null when the review did not look.</summary>
    public PolicyFindings? Findings { get; init; }

    public static AdmissionOutcome Allow { get; } = new(true, [], [], null, null);

    public static AdmissionOutcome Patched(IReadOnlyList<JsonPatchOperation> patch, IReadOnlyList<string> warnings, IReadOnlyList<string>? injectedEnv = null) =>
        new(true, patch, warnings, null, null) { InjectedEnv = injectedEnv ?? [] };

    /// <summary>Refused with the message, cut to the length a message may have.</summary>
    public static AdmissionOutcome Deny(string message) =>
        new(false, [], [], Forbidden, BoundedText.Truncate(message, ReviewLimits.MaxMessageLength));

    public static AdmissionOutcome Invalid(string message) =>
        new(false, [], [], BadRequest, BoundedText.Truncate(message, ReviewLimits.MaxMessageLength));

    /// <summary>
    /// Refused until the catalog has its first full picture of the cluster; controllers retry
    /// their pods, and a deny is better than an answer from half a catalog.
    /// </summary>
    public static AdmissionOutcome CatalogSyncing { get; } = new(false, [], [], 503,
        "the StackBlaze webhook is still syncing its catalog with the cluster; retry in a moment");
}
