namespace StackBlaze.Webhook.Policy;

/// <summary>Everything validation finds in one pod or pod template.</summary>
public sealed record PodEvaluation(IReadOnlyList<string> LinkErrors, IReadOnlyList<string> Warnings, IReadOnlyList<PublicUrlFinding> Findings);
