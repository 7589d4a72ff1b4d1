using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// A verdict as the API server is answered: the one place that gives a denial's reason its
/// status code and cuts the message and the warnings to what the API server keeps.
/// </summary>
/// <param name="Verdict">What the domain decided; null when the handler failed and this answer replaced its own.</param>
/// <param name="Code">The status code of a denial; null when allowed.</param>
/// <param name="Message">What a denial says; null when allowed.</param>
/// <param name="Warnings">The warnings, within the API server's limits.</param>
internal readonly record struct AdmissionAnswer(AdmissionVerdict? Verdict, int? Code, string? Message, IReadOnlyList<string> Warnings)
{
    /// <summary>Characters of a denial's message: well inside what kubectl shows and the API server keeps.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>The API server truncates a warning of 256 characters or more; Core writes its own warnings within it already.</summary>
    public const int MaxWarningLength = ReviewLimits.MaxWarningLength;

    /// <summary>The API server truncates warnings past 4 KiB in all.</summary>
    public const int MaxWarningsLength = 4096;

    // What the closing count of warnings left out needs, kept free while the others are added.
    private const int LeftOutRoom = 64;

    public bool Allowed => Code is null;

    public IReadOnlyList<JsonPatchOperation> Patch => Verdict?.Patch ?? [];

    public static AdmissionAnswer To(AdmissionVerdict verdict) => new(
        verdict,
        verdict.Denial is { } reason ? StatusCode(reason) : null,
        verdict.Message is { } message ? BoundedText.Truncate(message, MaxMessageLength) : null,
        Bound(verdict.Warnings));

    /// <summary>
    /// A fault of ours denies the request rather than letting a pod start without its variables;
    /// the controller that made the pod retries it.
    /// </summary>
    public static AdmissionAnswer Failed(string uid) => new(null, StatusCodes.Status500InternalServerError,
        $"the StackBlaze webhook failed on this request (uid {uid}); see its logs", []);

    private static int StatusCode(DenialReason reason) => reason switch
    {
        DenialReason.Policy => StatusCodes.Status403Forbidden,
        DenialReason.InvalidObject => StatusCodes.Status400BadRequest,
        DenialReason.NotReady => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// The warnings as the API server keeps them: each within its length, and no more of them
    /// than fit in the total, the last then saying how many were left out.
    /// </summary>
    private static IReadOnlyList<string> Bound(IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0 || (warnings.All(w => w.Length <= MaxWarningLength) && warnings.Sum(w => w.Length) <= MaxWarningsLength))
        {
            return warnings;
        }
        var kept = new List<string>();
        var room = MaxWarningsLength - LeftOutRoom;
        foreach (var cut in warnings.Select(BoundedText.Warning))
        {
            if (cut.Length > room)
            {
                break;
            }
            kept.Add(cut);
            room -= cut.Length;
        }
        if (kept.Count < warnings.Count)
        {
            kept.Add($"and {warnings.Count - kept.Count} more warnings, left out");
        }
        return kept;
    }
}
