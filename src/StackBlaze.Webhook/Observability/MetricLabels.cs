using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
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

    /// <summary>Each operation by the name the API server gives it, by its value; "other" for the rest.</summary>
    public static readonly string[] Operations =
        [.. Enum.GetValues<Operation>().Select(op => op == Operation.Other ? "other" : op.ToString().ToUpperInvariant())];

    public static readonly string[] Outcomes = ["allowed", "patched", "denied", "error"];

    public static readonly string[] Modes = [.. Enum.GetValues<PolicyMode>().Select(PolicyModes.Name)];

    public const int Allowed = 0;
    public const int Patched = 1;
    public const int Denied = 2;
    public const int Error = 3;

    /// <summary>The label of an operation; an unread review's is "other".</summary>
    public static int OperationIndex(Operation? operation) => (int)(operation ?? Operation.Other);

    /// <summary>
    /// Error when no decision came out of the review (malformed, or the handler threw); else what
    /// the decision was.
    /// </summary>
    public static int OutcomeIndex(AdmissionExchange exchange) => exchange switch
    {
        { Faulted: true } or { Answer: null } => Error,
        { Answer.Allowed: false } => Denied,
        { Answer.Patch.Count: > 0 } => Patched,
        _ => Allowed,
    };
}
