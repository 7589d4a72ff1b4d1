using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>What the webhook does with one pod or workload, and why it does no more.</summary>
/// <param name="Document">The object.</param>
/// <param name="Namespace">The namespace it is explained in.</param>
/// <param name="Sent">Whether the API server would send its pods to the mutating webhook.</param>
/// <param name="Links">Its link entries, each resolved or not.</param>
/// <param name="Containers">Its containers, init containers first, and what each gets.</param>
/// <param name="Reasons">Every reason something is not injected, in the order the webhook meets them.</param>
/// <param name="Findings">What <c>check</c> says of it: link errors and calls to public URLs.</param>
public sealed record ObjectExplanation(
    ManifestDocument Document,
    string Namespace,
    bool Sent,
    IReadOnlyList<LinkExplanation> Links,
    IReadOnlyList<ContainerExplanation> Containers,
    IReadOnlyList<ExplanationReason> Reasons,
    IReadOnlyList<CheckFinding> Findings)
{
    /// <summary>The Service Bindings its pods get when they ask for them (<c>stackblaze.io/service-bindings</c>); empty otherwise.</summary>
    public IReadOnlyList<ExplainedBinding> Bindings { get; init; } = [];

    /// <summary>
    /// The labels its pods get, <c>links.stackblaze.io/&lt;service&gt;</c> for each Service its links
    /// resolve to, which the project's link policies admit them by; empty when it gets nothing.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Its running pods whose injected variables differ from what it gives now; null when no pod was read (offline).</summary>
    public IReadOnlyList<StalePod>? StalePods { get; init; }
}
