using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Every pod fixture through MutatingAdmission: the emitted patch, applied by an RFC 6902 library we
/// did not write, gives the hand-written expected pod; our own applier gives the same.
/// </summary>
public sealed class PodPatchTests
{
    public static TheoryData<string> Pods { get; } = new(
        "Pods/without-env",
        "Pods/with-env",
        "Pods/with-init-containers",
        "Pods/several-containers",
        "Pods/without-annotations",
        "Pods/keys-with-slash-and-tilde",
        "Pods/large-realistic");

    [Theory]
    [MemberData(nameof(Pods))]
    public void The_patch_applied_independently_gives_the_expected_pod(string fixture)
    {
        var run = PatchRun.Of(fixture);

        run.Independent.ShouldDeepEqual(PatchRun.Expected(fixture));
    }

    [Theory]
    [MemberData(nameof(Pods))]
    public void Our_applier_gives_what_the_independent_applier_gives(string fixture)
    {
        var run = PatchRun.Of(fixture);

        run.Ours.ShouldDeepEqual(run.Independent);
    }
}
