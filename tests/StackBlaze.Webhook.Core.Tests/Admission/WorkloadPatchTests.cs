using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Workloads through MutatingAdmission: the propagation patch creates the template's metadata or
/// annotations when missing, and the independent applier gives the expected workload.
/// </summary>
public sealed class WorkloadPatchTests
{
    public static TheoryData<string> Workloads { get; } = new(
        "Workloads/deployment-template-without-metadata",
        "Workloads/cronjob-template-without-metadata",
        "Workloads/deployment-template-without-annotations",
        "Workloads/statefulset-template-with-annotations");

    [Theory]
    [MemberData(nameof(Workloads))]
    public void The_patch_applied_independently_gives_the_expected_workload(string fixture)
    {
        var run = PatchRun.Of(fixture);

        run.Independent.ShouldDeepEqual(PatchRun.Expected(fixture));
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Our_applier_gives_what_the_independent_applier_gives(string fixture)
    {
        var run = PatchRun.Of(fixture);

        run.Ours.ShouldDeepEqual(run.Independent);
    }
}
