using StackBlaze.Webhook.Core.NetworkPolicies;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

public class LabelSelectorTextTests
{
    [Theory]
    [InlineData("kubernetes.io/metadata.name=ingress-nginx")]
    [InlineData("kubernetes.io/metadata.name==ingress-nginx")]
    [InlineData(" kubernetes.io/metadata.name = ingress-nginx ")]
    public void Key_value_pairs_become_match_labels(string text)
    {
        var selector = LabelSelectorText.Parse(text, out var error);

        error.Should().BeNull();
        selector!.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" });
        selector.MatchExpressions.Should().BeNull();
    }

    [Fact]
    public void All_pairs_are_to_hold()
    {
        LabelSelectorText.Parse("team=platform,role=ingress,empty=", out _)!.MatchLabels
            .Should().Equal(new Dictionary<string, string> { ["team"] = "platform", ["role"] = "ingress", ["empty"] = "" });
    }

    [Theory]
    [InlineData("", "an empty selector would admit every namespace")]
    [InlineData(" ", "an empty selector would admit every namespace")]
    [InlineData("team", "\"team\" is not key=value")]
    [InlineData("team=a,", "\"\" is not key=value")]
    [InlineData("team in (a,b)", "\"team in (a\" is not key=value")]
    [InlineData("-team=a", "\"-team\" is not a label key")]
    [InlineData("Not_A.Domain/team=a", "\"Not_A.Domain/team\" is not a label key")]
    [InlineData("team=a b", "\"a b\" is not a label value")]
    [InlineData("team!=a", "\"team!\" is not a label key")]
    [InlineData("team=a,team=b", "\"team\" is given two values")]
    public void Anything_else_is_one_line_saying_what_is_wrong(string text, string expected)
    {
        LabelSelectorText.Parse(text, out var error).Should().BeNull();

        error.Should().StartWith(expected).And.NotContain("\n");
    }

    [Fact]
    public void A_huge_key_is_quoted_cut()
    {
        LabelSelectorText.Parse(new string('a', 100_000) + "=b", out var error);

        error.Should().EndWith("is not a label key");
        error!.Length.Should().BeLessThan(200);
    }
}
