using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Observability;

/// <summary>
/// The fixed label values of the admission metrics. Operations are taken from a closed list: a
/// request may say anything, and a label value per novel string would let clients grow the
/// metrics without bound.
/// </summary>
internal static class MetricLabels
{
    public const string Mutate = "mutate";
    public const string Validate = "validate";

    public static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT", "other"];

    public static readonly string[] Outcomes = ["allowed", "patched", "denied", "error"];

    public static readonly string[] Modes = [.. Enum.GetValues<PolicyMode>().Select(PolicyModes.Name)];

    public const int Allowed = 0;
    public const int Patched = 1;
    public const int Denied = 2;
    public const int Error = 3;

    public static int OperationIndex(string? operation) => operation switch
    {
        "CREATE" => 0,
        "UPDATE" => 1,
        "DELETE" => 2,
        "CONNECT" => 3,
        _ => 4,
    };

    /// <summary>
    /// Error when no decision came out of the review (malformed, or the handler threw); else what
    /// the decision was.
    /// </summary>
    public static int OutcomeIndex(AdmissionExchange exchange) => exchange switch
    {
        { Faulted: true } or { Outcome: null } => Error,
        { Outcome.Allowed: false } => Denied,
        { Outcome.Patch.Count: > 0 } => Patched,
        _ => Allowed,
    };
}
