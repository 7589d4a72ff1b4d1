using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class LinkGrammarLimitTests
{
    [Fact]
    public void An_annotation_of_as_many_links_as_allowed_is_read()
    {
        var annotation = string.Join(", ", Enumerable.Range(0, ReviewLimits.MaxLinkEntries).Select(i => $"svc-{i}"));

        LinkGrammar.Parse(annotation).Entries.Should().HaveCount(ReviewLimits.MaxLinkEntries);
    }

    [Fact]
    public void One_link_more_than_allowed_refuses_the_annotation_unread_naming_the_limit()
    {
        var annotation = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"u{i}"));

        var parsed = LinkGrammar.Parse(annotation);

        parsed.Entries.Should().BeEmpty();
        parsed.Errors.Should().Equal($"the annotation has 2000 links; at most {ReviewLimits.MaxLinkEntries} are allowed");
    }

    [Fact]
    public void Empty_entries_do_not_count_towards_the_limit()
    {
        var annotation = string.Join(", , ,", Enumerable.Range(0, ReviewLimits.MaxLinkEntries).Select(i => $"svc-{i}"));

        LinkGrammar.Parse(annotation).IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_annotation_longer_than_allowed_is_refused_unread_naming_the_limit()
    {
        var annotation = new string('A', 230_000) + "=backend";

        LinkGrammar.Parse(annotation).Errors.Should().Equal(
            $"the annotation is 230008 characters long; at most {ReviewLimits.MaxLinksAnnotationLength} are allowed");
    }

    [Fact]
    public void A_long_malformed_entry_is_quoted_only_in_part()
    {
        var entry = "lower=" + new string('x', 10_000);

        var error = LinkGrammar.Parse(entry).Errors.Should().ContainSingle().Subject;

        error.Length.Should().BeLessThan(ReviewLimits.MaxQuotedLength + 200);
        error.Should().StartWith("link \"lower=xxx").And.Contain("…\"");
    }
}
