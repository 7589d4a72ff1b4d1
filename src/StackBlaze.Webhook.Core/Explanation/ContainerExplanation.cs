namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>One container of the pod and the variables it gets.</summary>
/// <param name="Name">The container, as quoted.</param>
/// <param name="List"><c>initContainers</c> or <c>containers</c>.</param>
/// <param name="Variables">What it gets, in the order they stand in its <c>env</c>'s links part.</param>
public sealed record ContainerExplanation(string Name, string List, IReadOnlyList<ExplainedVariable> Variables);
