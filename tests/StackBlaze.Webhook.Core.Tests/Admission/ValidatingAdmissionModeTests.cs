using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>The namespace's <c>stackblaze.io/public-url-policy</c> label decides what findings do.</summary>
public class ValidatingAdmissionModeTests
{
    private static readonly string LongPath = "/v1/" + new string('x', 200);

    private static AdmissionVerdict Validate(string? policy) => new ValidatingAdmission(Project(policy)).Review(Reviews.Pod(Pods.Element(
        Pod([("ORDERS_API", "https://api.shop.example.com/v1/orders"), ("REPORTS_API", "https://api.shop.example.com" + LongPath)]))));

    [Theory]
    [InlineData(null)]
    [InlineData("enforce")]
    [InlineData("enforced")]
    public void Enforce_mode_and_anything_unknown_deny(string? policy)
    {
        Validate(policy).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Warn_mode_allows_with_one_warning_per_finding()
    {
        var outcome = Validate("warn");

        outcome.Allowed.Should().BeTrue();
        outcome.Message.Should().BeNull();
        outcome.Warnings.Should().HaveCount(2);
        outcome.Warnings[0].Should().Be(
            "container \"app\" ORDERS_API: calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders");
        outcome.Warnings[1].Should().StartWith("container \"app\" REPORTS_API: calls https://api.shop.example.com/v1/xxx");
    }

    [Fact]
    public void Off_mode_allows_without_findings_or_warnings()
    {
        var outcome = Validate("off");

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Off_mode_still_denies_broken_links()
    {
        var pod = Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v1/orders", LinksTo("backend.other")));

        var outcome = new ValidatingAdmission(Project("off")).Review(Reviews.Pod(pod));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().StartWith("stackblaze.io/links: link \"backend.other\" names another namespace");
    }

    [Theory]
    [InlineData("enforce", PolicyMode.Enforce, 2)]
    [InlineData("warn", PolicyMode.Warn, 2)]
    [InlineData("off", PolicyMode.Off, 0)]
    public void Outcome_counts_the_findings_with_the_mode_that_judged_them(string policy, PolicyMode mode, int count)
    {
        Validate(policy).Findings.Should().Be(new PolicyFindings(mode, count));
    }
}
