using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>How many public-URL findings a review made, and the namespace's mode that decided what became of them.</summary>
public sealed record PolicyFindings(PolicyMode Mode, int Count);
