using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class LinkGrammarValidFormsTests
{
    [Theory]
    [InlineData("backend", null, "backend", null)]
    [InlineData("backend:3000", null, "backend", "3000")]
    [InlineData("backend:http", null, "backend", "http")]
    [InlineData("API_URL=backend", "API_URL", "backend", null)]
    [InlineData("API_URL=backend:3000", "API_URL", "backend", "3000")]
    [InlineData("_PRIVATE_2=my-svc2:grpc-api", "_PRIVATE_2", "my-svc2", "grpc-api")]
    public void Entry_is_read_into_its_parts(string text, string? envName, string service, string? port)
    {
        var result = LinkGrammar.Parse(text);

        result.IsValid.Should().BeTrue();
        result.Entries.Should().ContainSingle().Which.Should().Be(new LinkEntry(text, envName, service, port));
    }

    [Fact]
    public void White_space_around_parts_and_commas_is_ignored()
    {
        var result = LinkGrammar.Parse("  API_URL = backend : 3000 ,\n\tpostgres  ");

        result.Errors.Should().BeEmpty();
        result.Entries.Should().Equal(
            new LinkEntry("API_URL = backend : 3000", "API_URL", "backend", "3000"),
            new LinkEntry("postgres", null, "postgres", null));
    }

    [Fact]
    public void Entries_keep_the_order_they_are_written_in()
    {
        var result = LinkGrammar.Parse("redis, backend, postgres");

        result.Entries.Select(e => e.Service).Should().Equal("redis", "backend", "postgres");
    }

    [Theory]
    [InlineData("backend,")]
    [InlineData("backend, ,")]
    [InlineData(",backend")]
    public void Empty_entries_such_as_a_trailing_comma_are_tolerated(string annotation)
    {
        var result = LinkGrammar.Parse(annotation);

        result.IsValid.Should().BeTrue();
        result.Entries.Should().ContainSingle().Which.Service.Should().Be("backend");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t ")]
    public void Empty_or_blank_annotation_has_no_entries_and_no_errors(string? annotation)
    {
        var result = LinkGrammar.Parse(annotation);

        result.Entries.Should().BeEmpty();
        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }
}
