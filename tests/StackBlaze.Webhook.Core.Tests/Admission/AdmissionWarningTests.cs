using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Tests.Admission;

public class AdmissionWarningTests
{
    [Fact]
    public void Few_short_warnings_are_kept_as_they_are()
    {
        string[] warnings = ["one", "two"];

        AdmissionWarning.Bound(warnings).Should().BeSameAs(warnings);
    }

    [Fact]
    public void Thousands_of_long_warnings_are_cut_to_what_the_api_server_keeps_and_counted()
    {
        var warnings = Enumerable.Range(0, 5000).Select(i => $"warning {i}: " + new string('x', 1000)).ToArray();

        var bounded = AdmissionWarning.Bound(warnings);

        bounded.Should().OnlyContain(w => w.Length <= ReviewLimits.MaxWarningLength);
        bounded.Sum(w => w.Length).Should().BeLessThanOrEqualTo(ReviewLimits.MaxWarningsLength);
        bounded[0].Should().StartWith("warning 0: xxx");
        bounded[^1].Should().Be($"and {5000 - (bounded.Count - 1)} more warnings, left out");
    }

    [Fact]
    public void One_long_warning_is_cut_and_nothing_is_counted_as_left_out()
    {
        var bounded = AdmissionWarning.Bound([new string('x', 10_000)]);

        bounded.Should().ContainSingle().Which.Should().HaveLength(ReviewLimits.MaxWarningLength);
    }
}
