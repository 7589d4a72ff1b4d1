namespace StackBlaze.Webhook.Objects;

/// <summary>A container as injection sees it.</summary>
/// <param name="Name">The container's name, for messages.</param>
/// <param name="EnvCount">The length of its <c>env</c>, or null when it has none.</param>
/// <param name="EnvNames">The names its <c>env</c> sets.</param>
public sealed record ContainerShape(string Name, int? EnvCount, IReadOnlySet<string> EnvNames);
