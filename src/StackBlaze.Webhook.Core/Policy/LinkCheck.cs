namespace StackBlaze.Webhook.Policy;

/// <summary>What validation says of a workload's links: errors deny, warnings do not.</summary>
public sealed record LinkCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
