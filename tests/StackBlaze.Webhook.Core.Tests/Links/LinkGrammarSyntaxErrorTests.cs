using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class LinkGrammarSyntaxErrorTests
{
    [Theory]
    [InlineData("api_url=backend")]
    [InlineData("1API=backend")]
    [InlineData("API-URL=backend")]
    [InlineData("=backend")]
    public void Bad_variable_name_is_denied_with_the_rule(string entry)
    {
        SingleError(entry).Should().Be(
            $"link \"{entry}\" is not of the form [ENV_NAME=]service[:port]: the variable name must match [A-Z_][A-Z0-9_]*, or be PG* for libpq's variables");
    }

    [Theory]
    [InlineData("Backend")]
    [InlineData("my backend")]
    [InlineData("backend_2")]
    [InlineData("2backend")]
    [InlineData("backend-")]
    public void Service_that_is_not_a_dns_label_is_denied(string entry)
    {
        SingleError(entry).Should().Be(
            $"link \"{entry}\" is not of the form [ENV_NAME=]service[:port]: "
            + "the service name must be a DNS label (lower-case letters, digits and '-', starting with a letter)");
    }

    [Theory]
    [InlineData("backend:0")]
    [InlineData("backend:65536")]
    [InlineData("backend:--x")]
    [InlineData("backend:")]
    [InlineData("backend:-1")]
    [InlineData("backend:HTTP")]
    [InlineData("backend:a-very-long-port-name")]
    public void Bad_port_is_denied(string entry)
    {
        SingleError(entry).Should().Be(
            $"link \"{entry}\" is not of the form [ENV_NAME=]service[:port]: the port must be a number from 1 to 65535 or a port name");
    }

    [Theory]
    [InlineData("backend:1")]
    [InlineData("backend:65535")]
    public void Ports_at_the_ends_of_the_range_are_accepted(string entry)
    {
        LinkGrammar.Parse(entry).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("API_URL=")]
    [InlineData(":3000")]
    [InlineData("API_URL=:3000")]
    public void Missing_service_is_denied(string entry)
    {
        SingleError(entry).Should().Be(
            $"link \"{entry}\" is not of the form [ENV_NAME=]service[:port]: the service name is missing");
    }

    [Theory]
    [InlineData("backend.internal")]
    [InlineData("backend.internal:3000")]
    [InlineData("API_URL=backend.internal")]
    public void Internal_host_name_is_denied_with_a_hint_to_drop_the_suffix(string entry)
    {
        SingleError(entry).Should().Be(
            $"link \"{entry}\" is not of the form [ENV_NAME=]service[:port]: write the service name without \".internal\"");
    }

    [Fact]
    public void Each_bad_entry_gets_its_own_error_and_good_entries_are_still_read()
    {
        var result = LinkGrammar.Parse("Backend, postgres, redis:0");

        result.IsValid.Should().BeFalse();
        result.Errors.Should().HaveCount(2);
        result.Errors[0].Should().StartWith("link \"Backend\"");
        result.Errors[1].Should().StartWith("link \"redis:0\"");
        result.Entries.Should().ContainSingle().Which.Service.Should().Be("postgres");
    }

    private static string SingleError(string annotation)
    {
        var result = LinkGrammar.Parse(annotation);
        result.IsValid.Should().BeFalse();
        result.Entries.Should().BeEmpty();
        return result.Errors.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("PATH=backend", "PATH")]
    [InlineData("LD_PRELOAD=backend", "LD_PRELOAD")]
    [InlineData("KUBERNETES_PORT=backend", "KUBERNETES_PORT")]
    public void Reserved_variable_name_is_refused(string entry, string name)
    {
        LinkGrammar.Parse(entry).Errors.Should().Equal(
            $"link \"{entry}\" is not of the form {LinkGrammar.ExpectedForm}: {name} is reserved ({EnvNames.ReservedRule}); choose another name");
    }
}
