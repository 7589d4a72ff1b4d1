using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Tests.Limits;

public class BoundedTextTests
{
    [Fact]
    public void Short_text_is_quoted_whole()
    {
        BoundedText.Quote("API_URL=backend").Should().Be("API_URL=backend");
    }

    [Fact]
    public void Long_text_is_cut_to_its_limit_with_an_ellipsis()
    {
        var quoted = BoundedText.Quote(new string('A', 100_000) + "=backend");

        quoted.Should().HaveLength(ReviewLimits.MaxQuotedLength).And.EndWith("…").And.StartWith("AAAA");
    }

    [Fact]
    public void A_cut_never_leaves_half_of_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀😀😀";

        var cut = BoundedText.Truncate(text, 11);

        cut.Should().Be(new string('a', 9) + "…");
        char.IsHighSurrogate(cut[^2]).Should().BeFalse();
    }

    [Fact]
    public void A_long_list_names_the_first_items_and_counts_the_rest()
    {
        var names = Enumerable.Range(0, 77).Select(i => $"svc-{i}").ToArray();

        BoundedText.Join(", ", names, 20).Should().Be(string.Join(", ", names.Take(20)) + ", and 57 more");
    }

    [Fact]
    public void A_list_within_its_limit_is_joined_whole()
    {
        BoundedText.Join(", ", ["backend", "frontend"], 20).Should().Be("backend, frontend");
    }
}
