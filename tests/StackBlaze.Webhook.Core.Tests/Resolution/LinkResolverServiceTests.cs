using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

public class LinkResolverServiceTests
{
    [Fact]
    public void Link_to_unknown_service_is_denied_with_the_known_names()
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse("payments").Entries, Namespace, Shop);

        resolution.IsValid.Should().BeFalse();
        resolution.Errors.Should().ContainSingle().Which.Should().Be(
            "link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres)");
    }

    [Fact]
    public void Link_in_a_namespace_without_services_says_it_has_none()
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse("backend").Entries, "empty", Shop);

        resolution.Errors.Should().ContainSingle().Which.Should().Be(
            "link \"backend\": namespace \"empty\" has no service \"backend\" (it has none)");
    }

    [Fact]
    public void Services_of_other_namespaces_are_not_found()
    {
        var catalog = CatalogOf(Backend with { Namespace = "other" });

        var resolution = LinkResolver.Resolve(LinkGrammar.Parse("backend").Entries, Namespace, catalog);

        resolution.Links.Should().BeEmpty();
        resolution.Errors.Should().ContainSingle().Which.Should().EndWith("(it has none)");
    }

    [Fact]
    public void Every_entry_is_resolved_and_every_failure_reported()
    {
        var resolution = LinkResolver.Resolve(LinkGrammar.Parse("backend, nope, postgres, gone").Entries, Namespace, Shop);

        resolution.Links.Select(l => l.Service.Name).Should().Equal("backend", "postgres");
        resolution.Errors.Should().HaveCount(2);
        resolution.Errors[0].Should().StartWith("link \"nope\"");
        resolution.Errors[1].Should().StartWith("link \"gone\"");
    }

    [Fact]
    public void Resolved_link_carries_its_entry_service_port_and_scheme()
    {
        var link = LinkResolver.Resolve(LinkGrammar.Parse("postgres").Entries, Namespace, Shop).Links.Should().ContainSingle().Subject;

        link.Entry.Text.Should().Be("postgres");
        link.Service.Should().Be(Postgres);
        link.Port.Port.Should().Be(5432);
        link.Scheme.Should().Be("postgresql");
    }
}
