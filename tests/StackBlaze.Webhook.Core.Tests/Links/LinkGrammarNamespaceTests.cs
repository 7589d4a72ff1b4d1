using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class LinkGrammarNamespaceTests
{
    [Theory]
    [InlineData("other/backend")]
    [InlineData("backend.other")]
    [InlineData("backend.other.svc.cluster.local")]
    [InlineData("other/backend:3000")]
    [InlineData("API_URL=other/backend")]
    [InlineData("backend.other:http")]
    public void Link_to_another_namespace_is_denied_because_projects_are_isolated(string entry)
    {
        var result = LinkGrammar.Parse(entry);

        result.Entries.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.Should().Be(
            $"link \"{entry}\" names another namespace; projects are isolated, so link a service of this namespace as [ENV_NAME=]service[:port]");
    }

    [Fact]
    public void Message_quotes_the_entry_as_written_and_the_expected_form()
    {
        var error = LinkGrammar.Parse("backend, other/api").Errors.Should().ContainSingle().Subject;

        error.Should().Contain("\"other/api\"").And.Contain(LinkGrammar.ExpectedForm).And.Contain("projects are isolated");
    }
}
