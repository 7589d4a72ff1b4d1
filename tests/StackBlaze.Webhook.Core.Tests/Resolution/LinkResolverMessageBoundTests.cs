using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

/// <summary>Messages about unknown Services never grow with the annotation or the namespace.</summary>
public class LinkResolverMessageBoundTests
{
    private static readonly StaticProjectCatalog Crowded = CatalogOf([.. Enumerable.Range(0, 77).Select(i => Http($"svc-{i:00}"))]);

    [Fact]
    public void The_known_services_are_listed_once_per_message_however_many_links_miss()
    {
        var entries = LinkGrammar.Parse(string.Join(",", Enumerable.Range(0, 100).Select(i => $"missing-{i}"))).Entries;

        var errors = LinkResolver.Resolve(entries, Namespace, Crowded).Errors;

        errors.Should().HaveCount(100);
        errors.Count(e => e.Contains("it has svc-00", StringComparison.Ordinal)).Should().Be(1);
        errors[1].Should().Be("link \"missing-1\": namespace \"shop\" has no service \"missing-1\"");
    }

    [Fact]
    public void The_known_services_are_capped_with_a_count_of_the_others()
    {
        var entries = LinkGrammar.Parse("missing").Entries;

        var error = LinkResolver.Resolve(entries, Namespace, Crowded).Errors.Should().ContainSingle().Subject;

        var listed = string.Join(", ", Enumerable.Range(0, ReviewLimits.MaxNamesListed).Select(i => $"svc-{i:00}"));
        error.Should().Be($"link \"missing\": namespace \"shop\" has no service \"missing\" (it has {listed}, and {77 - ReviewLimits.MaxNamesListed} more)");
    }
}
