using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>What one run of <c>check</c> found, as every format writes it.</summary>
/// <param name="Checked">The objects it judged (pods, workloads, ConfigMaps), in the order read.</param>
/// <param name="Findings">What it found, in the same order.</param>
internal sealed record CheckReport(IReadOnlyList<ManifestDocument> Checked, IReadOnlyList<CheckFinding> Findings)
{
    public int Violations => Findings.Count(f => f.IsViolation);

    public int Warnings => Findings.Count - Violations;
}
