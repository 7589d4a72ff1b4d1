using StackBlaze.Webhook.Core.Policy;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Policy;

public class LinkValidatorTests
{
    [Fact]
    public void Valid_links_to_known_services_pass_without_warnings()
    {
        var check = LinkValidator.Check("backend, postgres", Namespace, Shop);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Syntax_error_is_an_error()
    {
        LinkValidator.Check("backend:0", Namespace, Shop).Errors.Should().Equal(
            "link \"backend:0\" is not of the form [ENV_NAME=]service[:port]: the port must be a number from 1 to 65535 or a port name");
    }

    [Fact]
    public void Link_to_another_namespace_is_an_error()
    {
        LinkValidator.Check("backend.other", Namespace, Shop).Errors.Should().Equal(
            "link \"backend.other\" names another namespace; projects are isolated, so link a service of this namespace as [ENV_NAME=]service[:port]");
    }

    [Fact]
    public void Unknown_service_is_only_a_warning_that_names_it_and_the_known_ones()
    {
        var check = LinkValidator.Check("payments", Namespace, Shop);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().Equal(
            "link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres); its pods will be refused until it exists");
    }

    [Fact]
    public void Unknown_service_does_not_hide_errors_of_the_other_links()
    {
        var check = LinkValidator.Check("payments, backend:9999", Namespace, Shop);

        check.Errors.Should().Equal("link \"backend:9999\": service \"backend\" has no port \"9999\"; its ports are 3000 (http)");
        check.Warnings.Should().ContainSingle().Which.Should().StartWith("link \"payments\"");
    }

    [Fact]
    public void Links_that_set_the_same_variable_are_an_error()
    {
        var check = LinkValidator.Check("backend, API_URL=frontend", Namespace, Shop);

        check.Errors.Should().ContainSingle().Which.Should().StartWith("links \"backend\" and \"API_URL=frontend\" would both set API_URL;");
        check.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Empty_annotation_has_nothing_to_say()
    {
        var check = LinkValidator.Check("", Namespace, Shop);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().BeEmpty();
    }
}
