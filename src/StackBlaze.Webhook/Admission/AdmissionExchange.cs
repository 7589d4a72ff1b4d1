using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>What one call to a webhook path came to, for whoever observes the endpoint.</summary>
/// <param name="Operation">The request's operation; null when the review could not be read.</param>
/// <param name="Answer">The answer written; null when the review was refused as malformed (400, 413).</param>
internal readonly record struct AdmissionExchange(Operation? Operation, AdmissionAnswer? Answer)
{
    /// <summary>No decision: the body was not a readable AdmissionReview, or the answer could not be written.</summary>
    public static AdmissionExchange Unanswered => default;

    /// <summary>The handler threw, and the answer is the denial that replaced its own.</summary>
    public bool Faulted => Answer is { Verdict: null };
}
