namespace StackBlaze.Webhook.Core.Policy;

/// <summary>Everything validation finds in one pod or pod template, or in one ConfigMap (no links, made by no controller).</summary>
/// <param name="LinkErrors">Why its links cannot work.</param>
/// <param name="Warnings">What is allowed but worth saying.</param>
/// <param name="Findings">Its calls to the project's public URLs, the first <see cref="Limits.ReviewLimits.MaxFindingsKept"/>.</param>
/// <param name="Mode">The namespace's public-URL policy mode, which the findings were made under.</param>
internal sealed record PodEvaluation(
    IReadOnlyList<string> LinkErrors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PublicUrlFinding> Findings,
    PolicyMode Mode)
{
    /// <summary>
    /// What of its ConfigMaps the catalog did not keep in whole, so could not be checked: refused
    /// like a finding where findings are, since a value made large could otherwise hide one.
    /// </summary>
    public IReadOnlyList<string> Unchecked { get; init; } = [];

    /// <summary>Why its <c>stackblaze.io/service-bindings</c> value cannot be read, or null: its pods would be refused.</summary>
    public string? BindingsError { get; init; }

    /// <summary>How many calls it makes in all, <see cref="Findings"/> and those only counted.</summary>
    public int FindingCount { get; init; }

    /// <summary>What is said of the calls only counted, or null when every call is in <see cref="Findings"/>.</summary>
    public string? CountedCalls => FindingCount > Findings.Count
        ? $"and {FindingCount - Findings.Count} more calls to public URLs, counted but not listed"
        : null;
}
