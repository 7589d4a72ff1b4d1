using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// The strictest check short of a cluster: kubectl applies our patch with the API server's own
/// json-patch library and must produce the expected object.
/// </summary>
public sealed class KubectlCrossCheckTests
{
    public static TheoryData<string> Fixtures { get; } = new(
        "Pods/large-realistic",
        "Pods/keys-with-slash-and-tilde",
        "Pods/with-env",
        "Pods/with-init-containers",
        "Workloads/cronjob-template-without-metadata",
        "Workloads/statefulset-template-with-annotations");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Kubectl_applies_the_patch_and_gives_the_expected_object(string fixture)
    {
        var run = PatchRun.Of(fixture);

        var patched = await KubectlPatch.ApplyAsync(run.Original, run.PatchUtf8);

        patched.ShouldDeepEqual(PatchRun.Expected(fixture));
    }
}
