using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

public class LinkVariablesTests
{
    [Fact]
    public void Plain_link_is_one_url_variable_on_the_internal_host()
    {
        var variables = LinkVariables.For(Link(Backend, "API_URL", "http"), ServiceHosts.Internal);

        variables.Should().Equal(InjectedVariable.Plain("API_URL", "http://backend.internal:3000", "backend"));
    }

    [Theory]
    [InlineData("mydb")]
    [InlineData("/mydb")]
    public void Database_annotation_is_the_url_path_with_a_single_slash(string database)
    {
        var service = With("reports", Port(5432)) with { Database = database };

        var variable = LinkVariables.For(Link(service, "DATABASE_URL", "postgresql"), ServiceHosts.Internal).Should().ContainSingle().Subject;

        variable.Value.Should().Be("postgresql://reports.internal:5432/mydb");
    }

    [Fact]
    public void Credentials_are_secret_references_before_the_url_that_uses_them()
    {
        var variables = LinkVariables.For(Link(Postgres, "DATABASE_URL", "postgresql"), ServiceHosts.Internal);

        variables.Should().BeEquivalentTo(
            [
                InjectedVariable.FromSecret("DATABASE_USER", "postgres-credentials", "username", "postgres"),
                InjectedVariable.FromSecret("DATABASE_PASSWORD", "postgres-credentials", "password", "postgres"),
                InjectedVariable.Plain(
                    "DATABASE_URL", "postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb", "postgres",
                    "DATABASE_USER", "DATABASE_PASSWORD"),
            ],
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void Cluster_style_puts_the_services_cluster_name_in_every_form()
    {
        var hosts = ServiceHosts.Create(HostStyle.Cluster, "cluster.local")!;
        var postgres = Postgres with { Namespace = "shop" };

        LinkVariables.For(Link(postgres, "DATABASE_URL", "postgresql"), hosts)[2].Value
            .Should().Be("postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.shop.svc.cluster.local:5432/mydb");
        LinkVariables.For(Link(postgres, "DATABASE_ADDR", "postgresql"), hosts).Single().Value.Should().Be("postgres.shop.svc.cluster.local:5432");
        LinkVariables.For(Link(postgres, "DATABASE_HOST", "postgresql"), hosts).Single().Value.Should().Be("postgres.shop.svc.cluster.local");
        LinkVariables.For(Link(postgres, "DATABASE_PORT", "postgresql"), hosts).Single().Value.Should().Be("5432");
    }

    [Fact]
    public void Credentials_of_a_name_not_ending_in_URL_are_named_after_the_whole_name()
    {
        var variables = LinkVariables.For(Link(Postgres, "PRIMARY_DB", "postgresql"), ServiceHosts.Internal);

        variables.Select(v => v.Name).Should().Equal("PRIMARY_DB_USER", "PRIMARY_DB_PASSWORD", "PRIMARY_DB");
        variables[2].Value.Should().StartWith("postgresql://$(PRIMARY_DB_USER):$(PRIMARY_DB_PASSWORD)@");
    }

    [Fact]
    public void Secret_reference_becomes_a_value_from_secret_key_ref()
    {
        var envVar = InjectedVariable.FromSecret("DATABASE_PASSWORD", "postgres-credentials", "password", "postgres").ToEnvVar();

        envVar.ToJsonString().Should().Be(
            """{"name":"DATABASE_PASSWORD","valueFrom":{"secretKeyRef":{"name":"postgres-credentials","key":"password"}}}""");
    }

    [Fact]
    public void Plain_value_becomes_a_name_and_value()
    {
        InjectedVariable.Plain("API_URL", "http://backend.internal:3000", "backend").ToEnvVar().ToJsonString()
            .Should().Be("""{"name":"API_URL","value":"http://backend.internal:3000"}""");
    }

    [Fact]
    public void Variables_of_the_same_values_are_equal_once_one_was_written_as_json()
    {
        var written = InjectedVariable.Plain("API_URL", "http://backend.internal:3000", "backend");
        _ = written.ToEnvVarJson();

        written.Should().Be(InjectedVariable.Plain("API_URL", "http://backend.internal:3000", "backend"));
    }

    // The form and credentials as the resolver reads them, so that these tests follow its rules.
    private static ResolvedLink Link(ServiceEntry service, string envName, string scheme)
    {
        Credentials.TryRead(service, out var credentials).Should().BeNull();
        return new(new LinkEntry(service.Name, null, service.Name, null), service, service.Ports[0], scheme, envName, AddressForms.Of(envName), credentials);
    }
}
