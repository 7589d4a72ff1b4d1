using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Resolution;

/// <summary>A Service's annotations go into other pods' variables: one that would change more than the address is refused, naming it.</summary>
public class LinkResolverServiceAnnotationTests
{
    [Theory]
    [InlineData("LD_PRELOAD")]
    [InlineData("PATH")]
    [InlineData("KUBERNETES_SERVICE_HOST")]
    [InlineData("SERVICE_BINDING_ROOT")]
    public void Reserved_env_name_annotation_denies_the_link_naming_the_service_and_the_annotation(string name)
    {
        var catalog = CatalogOf(Http("backend") with { EnvName = name });

        var error = Resolve("backend", catalog).Should().ContainSingle().Subject;

        error.Should().Be($"link \"backend\": service \"backend\" has annotation stackblaze.io/env-name: \"{name}\", "
            + $"which is a reserved name ({EnvNames.ReservedRule}); fix it or name the variable in the link");
    }

    [Fact]
    public void Link_that_names_its_variable_itself_is_not_held_to_the_service_annotation()
    {
        var catalog = CatalogOf(Http("backend") with { EnvName = "LD_PRELOAD" });

        Resolve("API_URL=backend", catalog).Should().BeEmpty();
    }

    [Theory]
    [InlineData("mydb?host=elsewhere")]
    [InlineData("mydb#x")]
    [InlineData("user@mydb")]
    [InlineData("my db")]
    [InlineData("other/mydb")]
    [InlineData("mydb%3Fhost%3Delsewhere")]
    [InlineData("/")]
    public void Database_annotation_that_reaches_past_the_path_denies_the_link_naming_the_service_and_the_annotation(string database)
    {
        var catalog = CatalogOf(With("postgres", Port(5432)) with { Database = database });

        Resolve("postgres", catalog).Should().ContainSingle().Which.Should().StartWith(
            $"link \"postgres\": service \"postgres\" has annotation stackblaze.io/database: \"{database}\", which is not a database name");
    }

    [Fact]
    public void Database_name_longer_than_any_database_allows_is_refused()
    {
        var catalog = CatalogOf(With("postgres", Port(5432)) with { Database = new string('d', 65) });

        Resolve("postgres", catalog).Should().ContainSingle().Which.Should().Contain("1 to 64 characters");
    }

    [Theory]
    [InlineData("mydb")]
    [InlineData("/mydb")]
    [InlineData("orders_2024-eu")]
    public void Database_names_as_databases_have_them_are_kept(string database)
    {
        Resolve("postgres", CatalogOf(With("postgres", Port(5432)) with { Database = database })).Should().BeEmpty();
    }

    private static IReadOnlyList<string> Resolve(string annotation, IProjectCatalog catalog) =>
        LinkResolver.Resolve(LinkGrammar.Parse(annotation).Entries, Namespace, catalog).Errors;
}
