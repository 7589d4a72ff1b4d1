namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>A variable of a running pod that the webhook injected otherwise than it would now.</summary>
/// <param name="Container">The container, as quoted.</param>
/// <param name="Name">The variable.</param>
/// <param name="Injected">What the pod has (a value, or <c>secretKeyRef NAME/KEY</c>); null when it lacks the variable.</param>
/// <param name="Now">What it would get now, in the same forms; null when no link gives it any more.</param>
public sealed record StaleVariable(string Container, string Name, string? Injected, string? Now);
