using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>How a verdict is said to the API server: a code per reason, and text within what it keeps.</summary>
public class AdmissionAnswerTests
{
    [Theory]
    [InlineData(DenialReason.Policy, 403)]
    [InlineData(DenialReason.InvalidObject, 400)]
    [InlineData(DenialReason.NotReady, 503)]
    public void Denial_is_answered_with_the_code_of_its_reason(DenialReason reason, int code)
    {
        var answer = AdmissionAnswer.To(AdmissionVerdict.Denied(reason, "no"));

        answer.Allowed.Should().BeFalse();
        answer.Code.Should().Be(code);
        answer.Message.Should().Be("no");
    }

    [Fact]
    public void Allowed_verdict_has_no_code()
    {
        AdmissionAnswer.To(AdmissionVerdict.Allow).Code.Should().BeNull();
    }

    [Fact]
    public void Long_message_is_cut_to_what_the_answer_may_hold()
    {
        var answer = AdmissionAnswer.To(AdmissionVerdict.Denied(DenialReason.Policy, new string('x', 10_000)));

        answer.Message.Should().HaveLength(AdmissionAnswer.MaxMessageLength).And.EndWith("…");
    }

    [Fact]
    public void Few_short_warnings_are_kept_as_they_are()
    {
        string[] warnings = ["one", "two"];

        Bound(warnings).Should().BeSameAs(warnings);
    }

    [Fact]
    public void Thousands_of_long_warnings_are_cut_to_what_the_api_server_keeps_and_counted()
    {
        var warnings = Enumerable.Range(0, 5000).Select(i => $"warning {i}: " + new string('x', 1000)).ToArray();

        var bounded = Bound(warnings);

        bounded.Should().OnlyContain(w => w.Length <= AdmissionAnswer.MaxWarningLength);
        bounded.Sum(w => w.Length).Should().BeLessThanOrEqualTo(AdmissionAnswer.MaxWarningsLength);
        bounded[0].Should().StartWith("warning 0: xxx");
        bounded[^1].Should().Be($"and {5000 - (bounded.Count - 1)} more warnings, left out");
    }

    [Fact]
    public void One_long_warning_is_cut_and_nothing_is_counted_as_left_out()
    {
        var bounded = Bound([new string('x', 10_000)]);

        bounded.Should().ContainSingle().Which.Should().HaveLength(AdmissionAnswer.MaxWarningLength);
    }

    private static IReadOnlyList<string> Bound(IReadOnlyList<string> warnings) =>
        AdmissionAnswer.To(AdmissionVerdict.Allow with { Warnings = warnings }).Warnings;
}
