using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>What one call to a webhook path came to, for whoever observes the endpoint.</summary>
/// <param name="Operation">The request's operation as sent; null when the review could not be read.</param>
/// <param name="Outcome">The decision answered; null when the review was refused as malformed (400, 413).</param>
/// <param name="Faulted">The handler threw, and the outcome is the deny that replaced its answer.</param>
internal readonly record struct AdmissionExchange(string? Operation, AdmissionOutcome? Outcome, bool Faulted)
{
    /// <summary>No decision: the body was not a readable AdmissionReview, or the answer could not be written.</summary>
    public static AdmissionExchange Unanswered => default;
}
