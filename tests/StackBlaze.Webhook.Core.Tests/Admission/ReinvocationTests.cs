using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>The API server may call the webhook again on the patched pod; the second call must change nothing.</summary>
public sealed class ReinvocationTests
{
    [Theory]
    [InlineData("Pods/without-env")]
    [InlineData("Pods/with-env")]
    [InlineData("Pods/with-init-containers")]
    [InlineData("Pods/several-containers")]
    [InlineData("Pods/keys-with-slash-and-tilde")]
    [InlineData("Pods/large-realistic")]
    public void A_pod_patched_once_gets_no_second_patch(string fixture)
    {
        var run = PatchRun.Of(fixture);
        run.Outcome.Patch.Should().NotBeEmpty();

        var again = Reviews.Create(run.Independent);

        again.Allowed.Should().BeTrue();
        again.Patch.Should().BeEmpty();
    }
}
