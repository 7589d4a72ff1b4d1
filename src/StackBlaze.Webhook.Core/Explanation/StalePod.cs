namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>A running pod created before its links, or their Services, changed: what it has differs from what it would get now.</summary>
/// <param name="Name">The pod.</param>
/// <param name="Variables">Each variable that differs, container by container.</param>
public sealed record StalePod(string Name, IReadOnlyList<StaleVariable> Variables)
{
    /// <summary>The link labels it lacks: the project's link policies refuse its calls to those Services.</summary>
    public IReadOnlyList<string> MissingLabels { get; init; } = [];
}
