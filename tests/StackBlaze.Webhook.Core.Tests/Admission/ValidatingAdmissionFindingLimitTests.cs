using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>A pod of thousands of public-URL calls: the first are kept, the rest counted, and none gets through for it.</summary>
public class ValidatingAdmissionFindingLimitTests
{
    private static AdmissionVerdict Validate(AdmissionAttributes request) => new ValidatingAdmission(Project()).Review(request);

    private static JsonElement Calls(int count) =>
        Pods.Element(Pod(Enumerable.Range(0, count).Select(i => ($"API_{i}", $"https://api.shop.example.com/v1/{i}"))));

    [Fact]
    public void Calls_past_those_kept_are_counted_refused_and_all_counted_in_the_metrics()
    {
        var outcome = Validate(Reviews.Pod(Calls(ReviewLimits.MaxFindingsKept + 50)));

        outcome.Allowed.Should().BeFalse();
        outcome.Findings!.Count.Should().Be(ReviewLimits.MaxFindingsKept + 50);
        outcome.Message.Should().StartWith("calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): container \"app\" API_0: calls")
            .And.EndWith($"and {ReviewLimits.MaxFindingsKept + 1 - ReviewLimits.MaxProblemsListed} more");
    }

    [Fact]
    public void An_update_that_adds_a_call_only_counted_is_refused()
    {
        var old = Calls(ReviewLimits.MaxFindingsKept + 50);

        var outcome = Validate(Reviews.Pod(Calls(ReviewLimits.MaxFindingsKept + 51), Operation.Update) with { OldObjectJson = old });

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("and 51 more calls to public URLs, counted but not listed");
    }

    [Fact]
    public void An_update_that_adds_no_call_is_allowed_with_warnings()
    {
        var old = Calls(ReviewLimits.MaxFindingsKept + 50);

        var outcome = Validate(Reviews.Pod(old, Operation.Update) with { OldObjectJson = old });

        outcome.Allowed.Should().BeTrue();
        // Every call is a warning; the host cuts them to what the API server keeps (ValidateWarningLimitEndpointTests).
        outcome.Warnings.Should().HaveCount(ReviewLimits.MaxFindingsKept + 1);
        outcome.Warnings[^1].Should().Be("and 50 more calls to public URLs, counted but not listed");
    }
}
